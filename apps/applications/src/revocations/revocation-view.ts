import type { EntityManager } from '@mikro-orm/postgresql';

import type { RevocationDto } from '@tic/contracts';
import { revocationGround, type Actor } from '@tic/domain';
import { HistoryEntry } from '@tic/platform';

import { Center } from '../centers/center.entity';
import type { RevocationCase } from './revocation-case.entity';

/** The aggregate type of a case's history rows. */
export const REVOCATION_AGGREGATE = 'revocation';

/** A31: the items of Article 31 the grounds are, e.g. 第三十一条第（五）项. */
export function groundArticles(grounds: readonly RevocationCase['grounds'][number][]): string[] {
  return grounds.map((g) => revocationGround(g).article);
}

/** The cases as the API shows them, with their centers' names and histories. */
export async function revocationViews(em: EntityManager, cases: readonly RevocationCase[]): Promise<RevocationDto[]> {
  if (cases.length === 0) return [];
  const centers = await em.find(Center, { id: { $in: [...new Set(cases.map((c) => c.centerId))] } });
  const names = new Map(centers.map((c) => [c.id, { zh: c.nameZh, en: c.nameEn }]));
  const entries = await em.find(
    HistoryEntry,
    { aggregateType: REVOCATION_AGGREGATE, aggregateId: { $in: cases.map((c) => c.id) } },
    { orderBy: { aggregateVersion: 'asc', at: 'asc', id: 'asc' } },
  );
  return cases.map((c) =>
    toDto(
      c,
      names.get(c.centerId) ?? { zh: '', en: '' },
      entries.filter((h) => h.aggregateId === c.id),
    ),
  );
}

function toDto(c: RevocationCase, centerName: RevocationDto['centerName'], history: HistoryEntry[]): RevocationDto {
  return {
    id: c.id,
    version: c.version,
    centerId: c.centerId,
    centerName,
    grounds: c.grounds,
    articles: groundArticles(c.grounds),
    status: c.status,
    origin: c.origin,
    cause: c.cause,
    statement: c.statement,
    evidence: c.evidence,
    proposedOn: c.proposedOn,
    openedOn: c.openedOn,
    answerBy: c.answerBy,
    answer:
      c.answeredOn === null
        ? null
        : { statement: c.answerStatement ?? '', answeredOn: c.answeredOn, evidence: c.answerEvidence },
    decision:
      c.decision === null || c.decidedOn === null
        ? null
        : { outcome: c.decision, reason: c.decisionReason ?? '', decidedOn: c.decidedOn },
    filing: c.filedOn === null ? null : { filedOn: c.filedOn, documentRef: c.documentRef ?? '' },
    supportingUnitId: c.supportingUnitId,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actorName ?? '',
      role: h.actorRole as Actor | null,
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      comment: h.comment,
      article: h.article,
    })),
    createdAt: c.createdAt.toISOString(),
  };
}
