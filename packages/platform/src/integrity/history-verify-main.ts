import 'reflect-metadata';

import { runHistoryVerifyCli } from './history-verify-cli';

// `npm run history:verify -w @tic/<service>`: each service's script runs this with its schema.
void runHistoryVerifyCli();
