import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

export interface DevKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** The repository root: the nearest folder upwards whose package.json declares workspaces. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root (package.json with workspaces) above ${from}`);
  }
}

/** `<repo>/.local/dev-jwt` (kept out of git by `.local/.gitignore`), unless DEV_JWT_DIR names another folder. */
export function devKeyDirectory(override: string | undefined): string {
  if (override !== undefined) return override;
  const local = join(repositoryRoot(), '.local');
  mkdirSync(local, { recursive: true });
  // Keeps the keys out of git without touching the repository's own .gitignore.
  if (!existsSync(join(local, '.gitignore'))) writeFileSync(join(local, '.gitignore'), '*\n');
  return join(local, 'dev-jwt');
}

/**
 * The development ES256 key pair, created on first use. It is written into a fresh folder and renamed
 * into place, so that a gateway and a token command starting together end up with one pair.
 */
export async function ensureDevKeyPair(directory: string): Promise<DevKeyPair> {
  if (!existsSync(join(directory, 'public.pem'))) await createDevKeyPair(directory);
  return {
    privateKeyPem: readFileSync(join(directory, 'private.pem'), 'utf8'),
    publicKeyPem: readFileSync(join(directory, 'public.pem'), 'utf8'),
  };
}

async function createDevKeyPair(directory: string): Promise<void> {
  const parent = dirname(directory);
  mkdirSync(parent, { recursive: true });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const staging = mkdtempSync(join(parent, '.dev-jwt-'));
  writeFileSync(join(staging, 'private.pem'), await exportPKCS8(privateKey), { mode: 0o600 });
  writeFileSync(join(staging, 'public.pem'), await exportSPKI(publicKey));
  try {
    renameSync(staging, directory);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process created the pair first; use theirs.
    if (!existsSync(join(directory, 'public.pem'))) throw error;
  }
}
