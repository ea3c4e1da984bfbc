import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

import type { Role } from '@tic/domain';

export interface TestClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
  readonly org: string;
}

export interface TestKeys {
  /** A PEM public key file for JWT_PUBLIC_KEY_FILE. */
  readonly publicKeyFile: string;
  sign(claims: TestClaims, expiresIn?: string): Promise<string>;
  /** Signs exactly these claims (no `exp` unless given), for tokens the gateway must refuse. */
  signPayload(payload: JWTPayload): Promise<string>;
  /** Deletes the key file. */
  remove(): void;
}

/** A fresh ES256 key pair for one test file: its public key for the gateway, its private key to sign tokens. */
export async function createTestKeys(): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const dir = mkdtempSync(join(tmpdir(), 'tic-gateway-keys-'));
  const publicKeyFile = join(dir, 'public.pem');
  writeFileSync(publicKeyFile, await exportSPKI(publicKey));
  return {
    publicKeyFile,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
    signPayload: (payload) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256' }).sign(privateKey),
    sign: (claims, expiresIn = '1h') =>
      new SignJWT({ name: claims.name, role: claims.role, org: claims.org })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(claims.sub)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
  };
}
