import { RevocationOpened, RevocationProposed } from '@tic/contracts';
import type { Actor, RevocationGround } from '@tic/domain';
import { type CommandScope, type HistoryActor, newId, nextEventVersion } from '@tic/platform';

import type { Center } from '../centers/center.entity';
import { type Evidence, RevocationCase, type RevocationOrigin } from './revocation-case.entity';
import { groundArticles, REVOCATION_AGGREGATE } from './revocation-view';

/** The platform itself, when an event opens or proposes a case (grounds 1–4). */
export const PLATFORM_ACTOR: CaseActor = { userId: 'system', name: '平台', role: 'system' };

/** Who opens a case, as history and events name them. */
export type CaseActor = HistoryActor & { readonly role: Actor; readonly orgId?: string };

/** A31: the days the units have to answer a case that opened without DST (grounds 1, 2 and 5). */
export const DEFAULT_ANSWER_DAYS = 30;

/** How a case comes about: its grounds, what caused it, and whether it opens or is only proposed to DST. */
export interface CaseOpening {
  readonly grounds: readonly RevocationGround[];
  readonly origin: RevocationOrigin;
  readonly cause: string;
  readonly today: string;
  /** Grounds (3) and (4) are proposed; DST confirms them with the day to answer by. */
  readonly answerBy: string | null;
  readonly statement: string;
  readonly evidence: readonly Evidence[];
  readonly actor: CaseActor;
}

/**
 * Opens (or proposes) a case against the center in the command's transaction: the row, its first history
 * step and tic.revocation.opened (the center's units are told, with the day to answer by) or
 * tic.revocation.proposed.
 */
export function startCase(scope: CommandScope, center: Center, opening: CaseOpening): RevocationCase {
  const proposed = opening.answerBy === null;
  const grounds = [...opening.grounds].sort((a, b) => a - b);
  const row = scope.em.create(RevocationCase, {
    id: newId(),
    centerId: center.id,
    grounds,
    status: proposed ? 'proposed' : 'open',
    origin: opening.origin,
    cause: opening.cause,
    statement: opening.statement,
    evidence: [...opening.evidence],
    proposedOn: proposed ? opening.today : null,
    openedOn: proposed ? null : opening.today,
    answerBy: opening.answerBy,
    supportingUnitId: center.supportingUnitId,
    constructionUnitId: center.constructionUnitId,
    recommenderId: center.recommenderId,
    coBuilderIds: center.coBuilderIds,
  });
  scope.em.persist(row);
  scope.history(row, {
    aggregateType: REVOCATION_AGGREGATE,
    action: proposed ? 'propose' : 'open',
    from: null,
    to: row.status,
    actor: opening.actor,
    comment: opening.cause,
    article: groundArticles(grounds).join('、'),
  });
  const data = {
    caseId: row.id,
    centerId: center.id,
    name: { zh: center.nameZh, en: center.nameEn },
    grounds,
    actor: opening.actor,
    supportingUnitId: center.supportingUnitId,
    constructionUnitId: center.constructionUnitId,
    recommenderId: center.recommenderId,
    coBuilderIds: center.coBuilderIds,
  };
  const aggregateVersion = nextEventVersion(row);
  if (opening.answerBy === null) {
    scope.record(RevocationProposed, {
      subject: row.id,
      aggregateVersion,
      data: { ...data, proposedOn: opening.today, cause: opening.cause },
    });
  } else {
    scope.record(RevocationOpened, {
      subject: row.id,
      aggregateVersion,
      data: { ...data, openedOn: opening.today, answerBy: opening.answerBy, statement: opening.statement },
    });
  }
  return row;
}
