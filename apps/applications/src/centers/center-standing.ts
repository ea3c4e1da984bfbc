import { CenterStatusChanged } from '@tic/contracts';
import type { Actor, CenterAction, CenterStatus, Permission } from '@tic/domain';
import { type CommandScope, nextEventVersion, refuse } from '@tic/platform';

import { REVOCATION_REFUSALS } from '../revocations/revocations.refusals';
import type { Center } from './center.entity';

/**
 * A31: a revoked center takes no further command that would change it; its history stays readable.
 * Every command of this service that changes a center (or acts on its standing) asks this first.
 */
export function assertCenterNotRevoked(center: Center): void {
  if (center.status === 'revoked') throw refuse(REVOCATION_REFUSALS.center_revoked);
}

/** A31 applies to a center in formal management: operating, or under rectification (A30). */
export const CENTER_IN_OPERATION: ReadonlySet<CenterStatus> = new Set<CenterStatus>(['operating', 'rectifying']);

/** A31: only a center in formal management is revoked (one in preparation is terminated, A12); none once revoked. */
export function assertCenterInOperation(center: Center): void {
  assertCenterNotRevoked(center);
  if (!CENTER_IN_OPERATION.has(center.status)) {
    throw refuse(REVOCATION_REFUSALS.center_not_in_operation, { status: center.status });
  }
}

/** Who moves a center: a signed-in caller, or the platform carrying out an event (role 'system'). */
export interface CenterMover {
  readonly userId: string;
  readonly name: string;
  readonly role: Actor;
  readonly orgId?: string;
}

/** One step of a center's lifecycle that the center state machine allowed. */
export interface CenterMove {
  readonly action: CenterAction;
  readonly decision: Permission<CenterStatus>;
  readonly reason?: string;
  readonly changedOn: string;
  readonly caller: CenterMover;
}

/**
 * Moves the center as the state machine decided: its history row (who, when, why, the article: DOMAIN.md
 * §4) and tic.center.status_changed, in the command's transaction. Returns the status it left.
 */
export function moveCenter(scope: CommandScope, center: Center, move: CenterMove): CenterStatus {
  const from = center.status;
  center.status = move.decision.to;
  scope.history(center, {
    aggregateType: 'center',
    action: move.action,
    from,
    to: center.status,
    findings: move.decision.findings,
    comment: move.reason ?? null,
    article: move.decision.article,
    actor: move.caller,
  });
  scope.record(CenterStatusChanged, {
    subject: center.id,
    aggregateVersion: nextEventVersion(center),
    data: {
      centerId: center.id,
      name: { zh: center.nameZh, en: center.nameEn },
      from,
      to: center.status,
      action: move.action,
      article: move.decision.article,
      ...(move.reason === undefined ? {} : { reason: move.reason }),
      actor: moverActor(move.caller),
      changedOn: move.changedOn,
    },
  });
  return from;
}

function moverActor(mover: CenterMover): { userId: string; name: string; role: Actor; orgId?: string } {
  const { userId, name, role, orgId } = mover;
  return orgId === undefined ? { userId, name, role } : { userId, name, role, orgId };
}
