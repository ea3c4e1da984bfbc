import type { EntityManager } from '@mikro-orm/postgresql';

import type { RectificationDto } from '@tic/contracts';
import { type Actor, rectificationLifecycle, type RectificationStatus } from '@tic/domain';
import { Deadline } from '@tic/deadlines';
import { type Caller, DirectoryCenter, HistoryEntry, type HistoryActor } from '@tic/platform';

import type { Rectification } from './rectification.entity';

/** The history rows of rectifications carry this aggregate type. */
export const RECTIFICATION_AGGREGATE = 'rectification';

/** The platform, when a grade starts a rectification. */
export const SYSTEM_ACTOR: HistoryActor = { userId: 'system', name: '平台', role: 'system' };

/** A rectification as a list shows it. */
export async function toRectificationSummary(
  em: EntityManager,
  row: Rectification,
): Promise<Omit<RectificationDto, 'history' | 'allowedActions' | 'draw'>> {
  const [center, deadline] = await Promise.all([
    em.findOne(DirectoryCenter, { id: row.centerId }),
    em.findOneOrFail(Deadline, { id: row.deadlineId }),
  ]);
  return {
    id: row.id,
    version: row.version,
    centerId: row.centerId,
    centerName: center?.nameZh ?? '',
    evaluationId: row.evaluationId,
    status: row.status,
    startedOn: row.startedOn,
    deadline: { dueOn: deadline.dueOn, provisional: deadline.provisional, state: deadline.state },
    rectified: row.rectified,
    evidence: row.evidence.map((e) => ({ ...e })),
    decision:
      row.passed === null
        ? null
        : {
            passed: row.passed,
            reason: row.decisionReason ?? '',
            decidedOn: row.decidedOn ?? '',
            expertScores: row.experts.flatMap((e) => (e.score === null ? [] : [e.score])),
          },
  };
}

/**
 * The rectification as the caller reads it: its history (who, in which role, when, why), the acceptance
 * experts (the seed for DST only; an expert sees the names and scores as they stand), its allowed actions.
 */
export async function toRectificationDto(
  em: EntityManager,
  row: Rectification,
  caller: Caller,
): Promise<RectificationDto> {
  const history = await em.getRepository(HistoryEntry).of(RECTIFICATION_AGGREGATE, row.id);
  return {
    ...(await toRectificationSummary(em, row)),
    draw:
      row.drawnOn === null
        ? null
        : {
            seed: caller.role === 'dst_admin' ? row.drawSeed : null,
            drawnOn: row.drawnOn,
            experts: row.experts.map(({ expertId, name, orgId, score, opinion, scoredAt }) => ({
              expertId,
              name,
              orgId,
              score,
              opinion,
              scoredAt,
            })),
          },
    allowedActions: rectificationLifecycle.actionsFor(row.status, caller.role),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName ?? '',
      role: h.actorRole as Actor,
      action: h.action,
      from: h.fromStatus as RectificationStatus | null,
      to: h.toStatus as RectificationStatus | null,
      comment: h.comment,
      article: h.article,
    })),
  };
}
