import type { EntityManager } from '@mikro-orm/postgresql';

import type { ChangeDto } from '@tic/contracts';
import { centerName, changeLifecycle, type Actor, type ChangeKind, type ChangeStatus } from '@tic/domain';
import { Deadline } from '@tic/deadlines';
import { HistoryEntry, type Caller } from '@tic/platform';

import type { ChangeRequest } from './change-request.entity';

/** The history rows of change reports carry this aggregate type. */
export const CHANGE_AGGREGATE = 'change';

/** The kinds a report carries, in the order A26 lists them. */
export function kindsOf(change: ChangeRequest): ChangeKind[] {
  return [
    ...(change.rename === null ? [] : ['rename' as const]),
    ...(change.direction === null ? [] : ['direction' as const]),
    ...(change.reorganization === null ? [] : ['reorganization' as const]),
  ];
}

/** The D-change-filing rows of these reports, by report. */
export async function filingDeadlines(
  em: EntityManager,
  changes: readonly ChangeRequest[],
): Promise<Map<string, Deadline>> {
  const ids = changes.flatMap((c) => (c.filingDeadlineId === null ? [] : [c.filingDeadlineId]));
  if (ids.length === 0) return new Map();
  return new Map((await em.find(Deadline, { id: { $in: ids } })).map((d) => [d.subjectId, d]));
}

/** A report as a list shows it. */
export function toChangeSummary(
  change: ChangeRequest,
  filing: Deadline | undefined,
): Omit<ChangeDto, 'history' | 'allowedActions'> {
  return {
    id: change.id,
    version: change.version,
    centerId: change.centerId,
    status: change.status,
    kinds: kindsOf(change),
    decidedOn: change.decidedOn,
    reportRef: change.reportRef,
    description: change.description,
    rename: change.rename === null ? null : { field: change.rename, name: centerName(change.rename) },
    direction: change.direction === null ? null : { field: change.direction },
    reorganization:
      change.reorganization === null
        ? null
        : {
            supportingUnitId: change.reorganization.supportingUnitId,
            coBuilderIds: [...change.reorganization.coBuilderIds],
            constructionUnitId: change.reorganization.constructionUnitId,
          },
    committeeReviewOn: change.committeeReviewOn,
    filing: filing === undefined ? null : { dueOn: filing.dueOn, provisional: filing.provisional, state: filing.state },
    filedOn: change.filedOn,
    previous:
      change.previous === null
        ? null
        : {
            name: change.previous.name,
            field: change.previous.field,
            units: { ...change.previous.units, coBuilderIds: [...change.previous.units.coBuilderIds] },
          },
    createdAt: change.createdAt.toISOString(),
    updatedAt: change.updatedAt.toISOString(),
  };
}

/** The report as the caller reads it: with its history (A26: who, in which role, when, why) and allowed actions. */
export async function toChangeDto(em: EntityManager, change: ChangeRequest, caller: Caller): Promise<ChangeDto> {
  const filing = (await filingDeadlines(em, [change])).get(change.id);
  const history = await em.getRepository(HistoryEntry).of(CHANGE_AGGREGATE, change.id);
  return {
    ...toChangeSummary(change, filing),
    allowedActions: changeLifecycle.actionsFor(change.status, caller.role),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName ?? '',
      role: h.actorRole as Actor,
      action: h.action,
      from: h.fromStatus as ChangeStatus,
      to: h.toStatus as ChangeStatus,
      comment: h.comment,
      article: h.article ?? '',
    })),
  };
}
