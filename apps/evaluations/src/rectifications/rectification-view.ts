import type { EntityManager } from '@mikro-orm/postgresql';

import type { RectificationDto } from '@tic/contracts';
import { type Actor, rectificationLifecycle, type RectificationStatus } from '@tic/domain';
import { Deadline } from '@tic/deadlines';
import { type Caller, DirectoryCenter, HistoryEntry, type HistoryActor, mayAccess } from '@tic/platform';

import type { Rectification } from './rectification.entity';
import { rectificationFacts } from './rectification.repository';

/** The history rows of rectifications carry this aggregate type. */
export const RECTIFICATION_AGGREGATE = 'rectification';

/** The platform, when a grade starts a rectification. */
export const SYSTEM_ACTOR: HistoryActor = { userId: 'system', name: '平台', role: 'system' };

/** A rectification as a list shows it. */
export async function toRectificationSummary(
  em: EntityManager,
  row: Rectification,
  caller: Caller,
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
            // The experts' scores are DST's (as in the application review, units see no experts).
            ...(seesAllExperts(caller, row, center)
              ? { expertScores: row.experts.flatMap((e) => (e.score === null ? [] : [e.score])) }
              : {}),
          },
  };
}

/**
 * The rectification as the caller reads it: its history (who, in which role, when, why), the acceptance
 * experts, its allowed actions. The experts are DST's to see (the seed too); a drawn expert sees only their
 * own entry and score; everyone else (the units, the recommender, the committee office) sees when they were
 * drawn and how many, as the application review keeps the experts hidden from the units.
 */
export async function toRectificationDto(
  em: EntityManager,
  row: Rectification,
  caller: Caller,
): Promise<RectificationDto> {
  const history = await em.getRepository(HistoryEntry).of(RECTIFICATION_AGGREGATE, row.id);
  const allExperts = seesAllExperts(caller, row, await em.findOne(DirectoryCenter, { id: row.centerId }));
  return {
    ...(await toRectificationSummary(em, row, caller)),
    draw:
      row.drawnOn === null
        ? null
        : {
            seed: allExperts ? row.drawSeed : null,
            drawnOn: row.drawnOn,
            expertCount: row.experts.length,
            ...(expertsSeenBy(row, caller, allExperts) ?? {}),
          },
    allowedActions: rectificationLifecycle.actionsFor(row.status, caller.role),
    history: history.map((h) => {
      // An expert's score (its author and comment) is shown as the experts are: to DST and to its author.
      const hidden = h.actorRole === 'expert' && !allExperts && h.actorUserId !== caller.userId;
      return {
        at: h.at.toISOString(),
        actorName: hidden ? '' : (h.actorName ?? ''),
        role: h.actorRole as Actor,
        action: h.action,
        from: h.fromStatus as RectificationStatus | null,
        to: h.toStatus as RectificationStatus | null,
        comment: hidden ? null : h.comment,
        article: h.article,
      };
    }),
  };
}

/** A30: who the acceptance experts are, their scores and the draw's seed (the policy gives them to DST). */
function seesAllExperts(caller: Caller, row: Rectification, center: DirectoryCenter | null): boolean {
  return mayAccess(caller, 'rectification.read_experts', rectificationFacts(row, center));
}

/** The drawn experts the caller may see: all for DST, their own entry for a drawn expert, none for anyone else. */
function expertsSeenBy(
  row: Rectification,
  caller: Caller,
  seesAll: boolean,
): Pick<NonNullable<RectificationDto['draw']>, 'experts'> | null {
  const own = row.experts.filter((e) => e.userId === caller.userId);
  const seen = seesAll ? row.experts : own.length > 0 ? own : null;
  return seen === null
    ? null
    : {
        experts: seen.map(({ expertId, name, orgId, score, opinion, scoredAt }) => ({
          expertId,
          name,
          orgId,
          score,
          opinion,
          scoredAt,
        })),
      };
}
