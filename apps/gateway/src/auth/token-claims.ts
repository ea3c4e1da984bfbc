import { z } from 'zod';

import { entityId } from '@tic/contracts';
import { ROLES } from '@tic/domain';

/** The claims the platform reads from a token (CONTRACT.md): sub, name, role, org (an organization's id). */
export const tokenClaimsSchema = z.object({
  sub: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  // An organization id as every RPC takes it: anything else is a bad token (401), not a failed RPC.
  org: entityId,
});

export type TokenClaims = z.output<typeof tokenClaimsSchema>;

/** Signatures the gateway accepts; anything else (HS*, none) is refused. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Lifetime of a development token. */
export const DEV_TOKEN_LIFETIME = '8h';

/** Issuer of development tokens (a development gateway checks the issuer only when JWT_ISSUER is set). */
export const DEV_TOKEN_ISSUER = 'tic-dev-token';

/** Claims every token must carry: a token without `exp` would be good forever. */
export const REQUIRED_CLAIMS = ['exp'] as const;
