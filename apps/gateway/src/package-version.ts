import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// src/ or dist/: the package manifest is one folder up either way.
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

/** The gateway's version, from its package.json. */
export const GATEWAY_VERSION = manifest.version;
