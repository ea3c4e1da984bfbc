import type { z } from 'zod';

import type { RpcDefinition } from '@tic/contracts';
import { ROLES, type Role } from '@tic/domain';

/** Who may call a route: the listed roles (a token is required), or anyone. */
export type Access = readonly Role[] | 'public';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** Everything the gateway knows about one route: HTTP shape, roles, validation, the RPC behind it, docs. */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** Relative to the controller; `:name` segments are path parameters. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  /** Validates the input: the query (GET) or the body, merged with path parameters (and If-Match). */
  readonly request: z.ZodType;
  /** The success body; `xlsx` for a workbook download. */
  readonly response: z.ZodType | 'xlsx';
  readonly rpc?: RpcDefinition;
  readonly status: number;
  /** Creates something: accepts an Idempotency-Key. */
  readonly idempotent: boolean;
  /** Guarded by the resource's version: from If-Match or the body's `version`. */
  readonly versioned: boolean;
  /** Path parameter → field of the request (`id` → `applicationId`). */
  readonly params: Readonly<Record<string, string>>;
  /** A separate, stricter rate limit (anonymous writes). */
  readonly publicWrite: boolean;
}

export const ROUTE_SPEC = Symbol('ROUTE_SPEC');

/** Every signed-in role; the service still decides what each one may do. */
export const SIGNED_IN: readonly Role[] = ROLES;

/** The names of a path's parameters: `':id/review'` → `['id']`. */
export function pathParameters(path: string): string[] {
  return path.split('/').filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1));
}
