import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ExportRoundScores, PublicRoundResult, RoundDto, RoundStatistics, RpcResponse } from '@tic/contracts';
import { liaoningCityOf } from '@tic/domain';
import { type Caller, mayAccess, refuse } from '@tic/platform';

import { EvaluationRound } from './evaluation-round.entity';
import { requireDst, roundNotFound, WHOLE_ROUND } from './round-access';
import { RoundCenter } from './round-center.entity';
import { roundScoresWorkbook } from './round-scores-export';
import { directoryOf, toRoundDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

/** Reads of rounds: as the caller sees them, the public announcement (公告), DST's statistics. */
@Injectable()
export class RoundReadsService {
  constructor(private readonly entityManager: EntityManager) {}

  /** DST sees every round; anybody else only a round with a center they see, else 404. */
  async get(id: string, caller: Caller): Promise<RoundDto> {
    const em = this.entityManager.fork();
    const round = await em.findOne(EvaluationRound, { id });
    if (round === null) throw roundNotFound();
    const dto = await toRoundDto(em, round, caller);
    if (dto.centers.length === 0 && !mayAccess(caller, 'round.read', WHOLE_ROUND)) throw roundNotFound();
    return dto;
  }

  /** A30, DOMAIN.md §7: the announced list is center names and grades only; no score, no agency. */
  async publicResult(id: string): Promise<RpcResponse<typeof PublicRoundResult>> {
    const em = this.entityManager.fork();
    const round = await em.findOne(EvaluationRound, { id, status: 'published' });
    if (round === null || round.publishedOn === null) throw refuse(ROUND_REFUSALS.not_published);
    const entries = await em.find(
      RoundCenter,
      { roundId: id, grade: { $ne: null } },
      { orderBy: { centerName: 'asc' } },
    );
    return {
      id: round.id,
      name: round.name,
      year: round.year,
      publishedOn: round.publishedOn,
      results: entries.map((e) => ({ centerName: e.centerName, grade: e.grade ?? 'fail' })),
    };
  }

  /** For DST: published grades counted by year, city (from the region code) and field. */
  async statistics(year: number | undefined, caller: Caller): Promise<RpcResponse<typeof RoundStatistics>> {
    requireDst(caller);
    const em = this.entityManager.fork();
    const rounds = await em.find(EvaluationRound, { status: 'published', ...(year === undefined ? {} : { year }) });
    const yearOf = new Map(rounds.map((r) => [r.id, r.year]));
    const entries = await em.find(RoundCenter, { roundId: { $in: [...yearOf.keys()] }, grade: { $ne: null } });
    const directory = await directoryOf(
      em,
      entries.map((e) => e.centerId),
    );
    const counts = new Map<
      string,
      { year: number; city: string; field: string; grade: NonNullable<RoundCenter['grade']>; count: number }
    >();
    for (const entry of entries) {
      const center = directory.get(entry.centerId);
      const city = liaoningCityOf(center?.regionCode ?? '')?.name.zh ?? '未知';
      const row = {
        year: yearOf.get(entry.roundId) ?? 0,
        city,
        field: center?.fieldZh ?? '未知',
        grade: entry.grade ?? 'fail',
      };
      const key = `${row.year}|${row.city}|${row.field}|${row.grade}`;
      const seen = counts.get(key);
      counts.set(key, { ...row, count: (seen?.count ?? 0) + 1 });
    }
    return {
      rows: [...counts.values()].sort(
        (a, b) => a.year - b.year || a.city.localeCompare(b.city) || a.field.localeCompare(b.field),
      ),
    };
  }

  /** For DST: the round's scores per center and indicator, with totals and grades, as a workbook. */
  async scoresWorkbook(id: string, caller: Caller): Promise<RpcResponse<typeof ExportRoundScores>> {
    requireDst(caller);
    const em = this.entityManager.fork();
    const round = await em.findOne(EvaluationRound, { id });
    if (round === null) throw roundNotFound();
    const entries = await em.find(RoundCenter, { roundId: id }, { orderBy: { centerName: 'asc' } });
    return roundScoresWorkbook(round, entries);
  }
}
