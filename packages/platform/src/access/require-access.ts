import { can, type Action, type ResourceFacts } from '@tic/domain';

import type { Caller } from '../context/call-context';
import { RpcFailure } from '../rpc/rpc-failure';

/**
 * The one authorization check of a service method, called first: the domain's policy decides, and a
 * refusal is a 404 (the caller must not learn the resource exists) or a 403, with its stable code.
 */
export function requireAccess(caller: Caller, action: Action, resource: ResourceFacts): void {
  const decision = can(caller, action, resource);
  if (!decision.allowed) throw RpcFailure.denied(decision);
}

/** Whether the policy lets the caller take the action (for views that show more to some callers). */
export function mayAccess(caller: Caller, action: Action, resource: ResourceFacts): boolean {
  return can(caller, action, resource).allowed;
}
