import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderAsyncApiDocument } from './build-asyncapi';

// Run after the build: `npm run asyncapi -w @tic/contracts` rewrites the checked-in document.
const target = join(__dirname, '..', '..', 'asyncapi.json');
writeFileSync(target, renderAsyncApiDocument());
process.stdout.write(`wrote ${target}\n`);
