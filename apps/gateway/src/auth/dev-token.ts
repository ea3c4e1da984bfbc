import { importPKCS8, SignJWT } from 'jose';

import { devKeyDirectory, ensureDevKeyPair } from './dev-keys';
import { DEV_TOKEN_ISSUER, DEV_TOKEN_LIFETIME, type TokenClaims } from './token-claims';

/** Signs a development token (ES256, 8 h) with the development key, creating the key pair on first use. */
export async function mintDevToken(claims: TokenClaims, keyDirectory: string | undefined): Promise<string> {
  const { privateKeyPem } = await ensureDevKeyPair(devKeyDirectory(keyDirectory));
  const key = await importPKCS8(privateKeyPem, 'ES256');
  return new SignJWT({ name: claims.name, role: claims.role, org: claims.org })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(DEV_TOKEN_ISSUER)
    .setIssuedAt()
    .setExpirationTime(DEV_TOKEN_LIFETIME)
    .sign(key);
}
