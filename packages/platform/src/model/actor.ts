import type { Caller } from '../context/call-context';

/** The actor of an event: names and roles only (CONTRACT.md), never an identity number. */
export function eventActor(caller: Caller): { userId: string; name: string; role: Caller['role']; orgId: string } {
  return { userId: caller.userId, name: caller.name, role: caller.role, orgId: caller.orgId };
}
