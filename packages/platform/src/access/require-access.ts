import { can, type AccessDecision, type Action, type ResourceFacts } from '@tic/domain';

import type { Caller } from '../context/call-context';
import { refusalCode, RpcFailure } from '../rpc/rpc-failure';

type Denied = Extract<AccessDecision, { allowed: false }>;

/**
 * The one authorization check of a service method, called first: the domain's policy decides, and a
 * refusal is a 404 (the caller must not learn the resource exists) or a 403, with its stable code.
 */
export function requireAccess(caller: Caller, action: Action, resource: ResourceFacts): void {
  const decision = can(caller, action, resource);
  if (!decision.allowed) throw accessFailure(decision);
}

/** Whether the policy lets the caller take the action (for views that show more to some callers). */
export function mayAccess(caller: Caller, action: Action, resource: ResourceFacts): boolean {
  return can(caller, action, resource).allowed;
}

/** The failure the gateway renders for a refused access. */
export function accessFailure(denied: Denied): RpcFailure {
  return RpcFailure.of(denied.outcome, denied.message, {
    ...refusalCode(denied.code),
    ...(denied.article === undefined ? {} : { article: denied.article }),
  });
}
