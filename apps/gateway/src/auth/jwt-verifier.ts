import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';

import { isProduction, type Caller } from '@tic/platform';

import type { GatewayConfig } from '../config/gateway-config';
import { ProblemException } from '../http/problem.exception';
import { devKeyDirectory, ensureDevKeyPair } from './dev-keys';
import { ACCEPTED_ALGORITHMS, REQUIRED_CLAIMS, tokenClaimsSchema } from './token-claims';

type Verify = (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>;

/** Verifies bearer tokens (RS256 or ES256) and turns their claims into the Caller every RPC receives. */
export class JwtVerifier {
  private constructor(
    private readonly verifyToken: Verify,
    private readonly options: JWTVerifyOptions,
  ) {}

  /** From the configuration: the identity provider's JWKS, or (never in production) a public key file or the development key. */
  static async fromConfig(config: GatewayConfig): Promise<JwtVerifier> {
    const options: JWTVerifyOptions = {
      algorithms: [...ACCEPTED_ALGORITHMS],
      requiredClaims: [...REQUIRED_CLAIMS],
      ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
      ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}),
    };
    // The configuration already refuses this; checked again where a mistake would open every route.
    if (isProduction(config) && (config.JWKS_URL === undefined || !config.JWT_ISSUER || !config.JWT_AUDIENCE)) {
      throw new Error('production needs JWKS_URL, JWT_ISSUER and JWT_AUDIENCE');
    }
    if (config.JWKS_URL !== undefined) {
      const jwks = createRemoteJWKSet(new URL(config.JWKS_URL));
      return new JwtVerifier(async (token, o) => (await jwtVerify(token, jwks, o)).payload, options);
    }
    const pem =
      config.JWT_PUBLIC_KEY_FILE !== undefined
        ? readFileSync(config.JWT_PUBLIC_KEY_FILE, 'utf8')
        : (await ensureDevKeyPair(devKeyDirectory(config.DEV_JWT_DIR))).publicKeyPem;
    const algorithm = createPublicKey(pem).asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
    const key = await importSPKI(pem, algorithm);
    return new JwtVerifier(async (token, o) => (await jwtVerify(token, key, o)).payload, {
      ...options,
      algorithms: [algorithm],
    });
  }

  /** The caller a token names; a missing, malformed, expired or wrongly signed token is a 401. */
  async verify(token: string): Promise<Caller> {
    let payload: JWTPayload;
    try {
      payload = await this.verifyToken(token, this.options);
    } catch (error) {
      throw unauthenticated(error instanceof Error ? error.message : String(error));
    }
    const claims = tokenClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw unauthenticated(`claims: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    return { userId: claims.data.sub, name: claims.data.name, role: claims.data.role, orgId: claims.data.org };
  }
}

/** A 401 with the challenge RFC 6750 asks for. */
export function unauthenticated(reason: string): ProblemException {
  return ProblemException.of(
    'unauthenticated',
    { zh: '缺少或无效的访问令牌（Authorization: Bearer <JWT>）', en: `Missing or invalid bearer token (${reason})` },
    { headers: { 'www-authenticate': 'Bearer realm="tic"' } },
  );
}
