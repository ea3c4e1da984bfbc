import type { Role } from '@tic/domain';

import { call } from '../platform/platform-world';
import type { MatrixWorld, Side } from './worlds';

/** One request of a probe: the path under /api/v1 (with its query), the body and extra headers. */
export interface ProbeRequest {
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * How the matrix calls one route: the request (made fresh for each call, so that a version or a new
 * resident ID number is current), what DST reads back of the data the route would change, and for a
 * list the id whose presence tells whether the caller sees the owner's resource.
 */
export interface Probe {
  readonly request: (m: MatrixWorld, side: Side, role: Role) => ProbeRequest | Promise<ProbeRequest>;
  readonly readBack?: (m: MatrixWorld) => Promise<unknown>;
  readonly listed?: (m: MatrixWorld) => string;
}

/** DST's view of a resource (or a list), to compare before and after a refused write. */
export async function dstRead(m: MatrixWorld, path: string): Promise<unknown> {
  const reply = await call(m.world, 'GET', path, { token: m.reader() });
  // A refusal's correlation id differs from call to call; the rest of it must not.
  const { correlationId: _, ...body } = reply.body;
  return { status: reply.status, body };
}

/** The If-Match header of a resource as DST reads it now. */
export async function ifMatch(m: MatrixWorld, path: string): Promise<Record<string, string>> {
  const reply = await call<{ version: number }>(m.world, 'GET', path, { token: m.reader() });
  return { 'if-match': `W/"${reply.body.version}"` };
}

/** A name no earlier call used (organizations, platforms and experts are unique by name or user). */
export const unique = (prefix: string): string => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

/** The body of a call the world needs to succeed; anything else stops the world being built. */
export async function succeeded<T = unknown>(reply: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`matrix world: ${status} ${JSON.stringify(body)}`);
  return body as T;
}
