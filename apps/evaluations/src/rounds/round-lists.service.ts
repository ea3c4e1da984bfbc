import { raw, type FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { CenterEvaluationDto, ListCenterEvaluations, ListRounds, RpcResponse } from '@tic/contracts';
import { listScope, type ListScope } from '@tic/domain';
import { type Caller, type In, pageOf, requireAccess } from '@tic/platform';

import { visibleCenter } from '../reports/reports.service';

import { EvaluationRound } from './evaluation-round.entity';
import { WHOLE_ROUND } from './round-access';
import { RoundCenter } from './round-center.entity';

/** Lists of rounds: DST's (and an agency's) list of rounds, and one center's published evaluations. */
@Injectable()
export class RoundListsService {
  constructor(private readonly entityManager: EntityManager) {}

  /**
   * A28, A29: DST sees every round; an agency only the rounds it is entrusted in, each counting only its
   * own centers. A unit reads its centers' rounds through the center's evaluation history instead.
   */
  async list(input: In<typeof ListRounds>, caller: Caller): Promise<RpcResponse<typeof ListRounds>> {
    requireAccess(caller, 'round.list', WHOLE_ROUND);
    const em = this.entityManager.fork();
    const scope = listScope(caller, 'round');
    const entrusted = entrustedIn(scope);
    const conditions: FilterQuery<EvaluationRound>[] = [];
    if (!('all' in scope)) {
      const ids = await em.find(RoundCenter, entrusted, { fields: ['roundId'] });
      conditions.push({ id: { $in: [...new Set(ids.map((e) => e.roundId))] } });
    }
    if (input.year !== undefined) conditions.push({ year: input.year });
    if (input.status !== undefined) conditions.push({ status: input.status });
    if (input.cursor !== undefined) conditions.push({ id: { $lt: input.cursor } });
    const rounds = await em.find(
      EvaluationRound,
      { $and: conditions },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    const counts = await this.centerCounts(
      em,
      rounds.map((r) => r.id),
      entrusted,
    );
    return pageOf(
      rounds,
      input.limit,
      (r) => r.id,
      (r) => ({
        id: r.id,
        version: r.version,
        name: r.name,
        year: r.year,
        status: r.status,
        participateBy: r.participateBy,
        publishedOn: r.publishedOn,
        centerCount: counts.get(r.id) ?? 0,
      }),
    );
  }

  /**
   * A30: a center's published grades, round by round, for its own units, its recommender and DST; a center
   * the caller does not see is a 404. A center is evaluated once in two years, so its entries are few and
   * are paged here rather than in SQL.
   */
  async centerHistory(
    input: In<typeof ListCenterEvaluations>,
    caller: Caller,
  ): Promise<RpcResponse<typeof ListCenterEvaluations>> {
    const em = this.entityManager.fork();
    await visibleCenter(em, input.centerId, caller);
    const entries = await em.find(RoundCenter, { centerId: input.centerId, grade: { $ne: null } });
    const rounds = await em.find(EvaluationRound, {
      id: { $in: entries.map((e) => e.roundId) },
      status: 'published',
    });
    const roundOf = new Map(rounds.map((r) => [r.id, r]));
    const history: CenterEvaluationDto[] = [];
    for (const entry of entries) {
      const round = roundOf.get(entry.roundId);
      if (round?.publishedOn == null || entry.grade === null) continue;
      history.push({
        id: entry.id,
        roundId: round.id,
        roundName: round.name,
        year: round.year,
        publishedOn: round.publishedOn,
        total: entry.total,
        grade: entry.grade,
        preparationOutcome: entry.preparationOutcome,
      });
    }
    history.sort((a, b) => b.id.localeCompare(a.id));
    const after = input.cursor;
    const rows = after === undefined ? history : history.filter((h) => h.id < after);
    return pageOf(
      rows.slice(0, input.limit + 1),
      input.limit,
      (h) => h.id,
      (h) => h,
    );
  }

  private async centerCounts(
    em: EntityManager,
    roundIds: string[],
    entrusted: FilterQuery<RoundCenter>,
  ): Promise<Map<string, number>> {
    if (roundIds.length === 0) return new Map();
    const rows: { round_id: string; n: number }[] = await em
      .createQueryBuilder(RoundCenter)
      .select(['roundId', raw('count(*)::int as n')])
      .where({ $and: [{ roundId: { $in: roundIds } }, entrusted] })
      .groupBy('roundId')
      .execute('all', false);
    return new Map(rows.map((r) => [r.round_id, r.n]));
  }
}

/**
 * The centers of rounds a list scope admits, for the callers `round.list` lets list: every one, or those
 * entrusted to the agency (A29). A unit's scope ties through the directory and is not listed here.
 */
function entrustedIn(scope: ListScope): FilterQuery<RoundCenter> {
  if ('all' in scope) return {};
  const agencies =
    'anyOf' in scope ? scope.anyOf.filter((c) => c.field === 'entrustedAgencyId').map((c) => c.equals) : [];
  return { agencyOrgId: { $in: agencies } };
}
