import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

import { SERVICE_NAMES, type ServiceName } from '@tic/contracts';

// PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A key that signs assertions, and the issuer (the service, or the gateway) it signs as. */
export interface SigningKey {
  readonly issuer: ServiceName;
  readonly privateKey: KeyObject;
  /** `<issuer>:<base64url public key>`: the entry a callee adds to CALLER_ASSERTION_TRUSTED_KEYS. */
  readonly trustedEntry: string;
}

/** A public key a service believes assertions of, for one issuer. */
export interface TrustedKey {
  readonly issuer: ServiceName;
  readonly publicKey: KeyObject;
  /** The base64url raw public key, also the `kid` its signatures carry. */
  readonly id: string;
}

/** An Ed25519 signing key from its 32-byte seed (base64 or base64url, as CALLER_ASSERTION_SIGNING_KEY holds it). */
export function signingKeyFromSeed(issuer: ServiceName, seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 signing key is a 32-byte seed');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { issuer, privateKey, trustedEntry: `${issuer}:${rawPublicKey(createPublicKey(privateKey))}` };
}

/** Parses CALLER_ASSERTION_TRUSTED_KEYS: `issuer:base64url-public-key`, comma-separated (several per issuer while rotating). */
export function parseTrustedKeys(value: string): TrustedKey[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [issuer, key, ...rest] = entry.split(':');
      if (issuer === undefined || key === undefined || rest.length > 0 || !isServiceName(issuer)) {
        throw new RangeError(`"${entry}" is not issuer:public-key with a known issuer`);
      }
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key }, format: 'jwk' });
      return { issuer, publicKey, id: rawPublicKey(publicKey) };
    });
}

/** The base64url raw Ed25519 public key (the JWK `x`). */
export function rawPublicKey(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new RangeError('not an Ed25519 public key');
  return jwk.x;
}

/**
 * Development only: each issuer's key derived from its name, so that `npm start` and the tests need no
 * set-up and every process trusts the others. Production refuses these (the derivation is public).
 */
export function developmentSigningKey(issuer: ServiceName): SigningKey {
  return signingKeyFromSeed(issuer, developmentSeed(issuer));
}

export function developmentTrustedKeys(): TrustedKey[] {
  return parseTrustedKeys(SERVICE_NAMES.map((issuer) => developmentSigningKey(issuer).trustedEntry).join(','));
}

/** Whether a seed or public key is development key material (refused in production). */
export function isDevelopmentKey(key: { seed?: Buffer; publicKey?: string }): boolean {
  return SERVICE_NAMES.some(
    (issuer) =>
      (key.seed !== undefined && key.seed.equals(developmentSeed(issuer))) ||
      (key.publicKey !== undefined && developmentSigningKey(issuer).trustedEntry.endsWith(`:${key.publicKey}`)),
  );
}

function developmentSeed(issuer: ServiceName): Buffer {
  return createHash('sha256').update(`tic-development-caller-assertion:${issuer}`).digest();
}

function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}
