import { z } from 'zod';

import { ROLES } from '@tic/domain';

/** The claims the platform reads from a token (CONTRACT.md): sub, name, role, org. */
export const tokenClaimsSchema = z.object({
  sub: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  org: z.string().trim().min(1).max(100),
});

export type TokenClaims = z.output<typeof tokenClaimsSchema>;

/** Signatures the gateway accepts; anything else (HS*, none) is refused. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Lifetime of a development token. */
export const DEV_TOKEN_LIFETIME = '8h';

/** Issuer of development tokens (the gateway does not check it unless JWT_ISSUER is set). */
export const DEV_TOKEN_ISSUER = 'tic-dev-token';
