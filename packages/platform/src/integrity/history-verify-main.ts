import 'reflect-metadata';

import { runHistoryVerifyCli } from './history-verify-cli';

// `npm run history:verify -w @tic/<service>`: each service's script runs this with its schema. A bad
// option, an unreadable anchors file or an unreachable database is one line and exit 2, not a stack:
// 1 stays the answer "the chain does not verify".
runHistoryVerifyCli().catch((error: unknown) => {
  process.stderr.write(`history:verify: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
