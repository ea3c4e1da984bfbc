import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo's root: the nearest folder up from here whose package.json declares the workspaces. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with workspaces above ${from}`);
  }
}

/** A file of the repository, by its path from the root. */
export function repositoryFile(path: string): string {
  return readFileSync(join(repositoryRoot(), path), 'utf8');
}

/** A plain object, or an error naming where one was expected: YAML gives `unknown`. */
export function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: not a mapping`);
  return value as Record<string, unknown>;
}

/** A list, or an error naming where one was expected. */
export function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where}: not a list`);
  return value;
}
