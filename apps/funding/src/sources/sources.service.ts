import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type CenterSourcesDto, type GetFundingSources, MAX_FEN, RecordFundingSources } from '@tic/contracts';
import { fenToYuan, notFound, type ResourceKind } from '@tic/domain';
import {
  type Caller,
  DirectoryCenter,
  directoryCenterFacts,
  type In,
  newId,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
} from '@tic/platform';

import { Allocation } from '../allocations/allocation.entity';
import { allocationTotals } from '../allocations/allocation-view';
import { FUNDING_REFUSALS } from '../shared/funding.refusals';
import { FundingSourceLine } from './funding-source-line.entity';

/** A32: a center's funding by source and year; provincial is what DST allocated, computed. */
@Injectable()
export class SourcesService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async get(input: In<typeof GetFundingSources>, caller: Caller): Promise<CenterSourcesDto> {
    const em = this.entityManager.fork();
    await visibleCenter(em, input.centerId, caller, 'funding_source');
    return centerSources(em, input.centerId, input.year);
  }

  record(input: In<typeof RecordFundingSources>, caller: Caller): Promise<CenterSourcesDto> {
    return this.uow.run(
      RecordFundingSources,
      input,
      async ({ em }) => {
        const center = await visibleCenter(em, input.centerId, caller, 'funding_source');
        requireAccess(caller, 'funding_source.record', directoryCenterFacts('funding_source', center));
        const seen = new Set<string>();
        input.lines.forEach((line, i) => {
          if (line.source === 'provincial') {
            throw refuse(
              FUNDING_REFUSALS.provincial_is_computed,
              {},
              { errors: [{ path: `lines[${i}].source`, message: 'provincial is the sum of the allocations' }] },
            );
          }
          if (seen.has(line.source)) {
            throw refuse(
              FUNDING_REFUSALS.source_repeated,
              { source: line.source },
              { errors: [{ path: `lines[${i}].source`, message: 'repeated' }] },
            );
          }
          seen.add(line.source);
        });
        const current = await centerSources(em, input.centerId, input.year);
        const replaced = new Set(input.lines.map((line) => line.source));
        const totalFen =
          current.lines.filter((line) => !replaced.has(line.source)).reduce((sum, line) => sum + line.amountFen, 0) +
          input.lines.reduce((sum, line) => sum + line.amountFen, 0);
        if (totalFen > MAX_FEN) {
          throw refuse(
            FUNDING_REFUSALS.total_too_large,
            { field: 'lines', max: fenToYuan(MAX_FEN) },
            { errors: [{ path: 'lines', message: `the year's sources together exceed ${MAX_FEN} fen` }] },
          );
        }
        // insert … on conflict do update: two first recordings at once both land, the later one's figure kept.
        const recordedAt = new Date();
        for (const line of input.lines) {
          await em.upsert(
            FundingSourceLine,
            {
              id: newId(),
              centerId: input.centerId,
              year: input.year,
              source: line.source,
              amountFen: line.amountFen,
              note: line.note ?? null,
              recordedBy: caller.name,
              recordedAt,
            },
            {
              onConflictFields: ['centerId', 'year', 'source'],
              onConflictAction: 'merge',
              onConflictMergeFields: ['amountFen', 'note', 'recordedBy', 'recordedAt'],
            },
          );
        }
      },
      (em) => centerSources(em, input.centerId, input.year),
    );
  }
}

/** The center if the caller may see its funds (as `kind`); otherwise 404, whether it exists or not. */
export async function visibleCenter(
  em: EntityManager,
  centerId: string,
  caller: Caller,
  kind: ResourceKind,
): Promise<DirectoryCenter> {
  const center = await em.findOne(DirectoryCenter, { id: centerId });
  if (center === null) throw RpcFailure.denied(notFound(kind));
  requireAccess(caller, `${kind}.read`, directoryCenterFacts(kind, center));
  return center;
}

/** The year's sources: those recorded, and provincial as the sum of the year's new allocations (not carried-over ones). */
export async function centerSources(em: EntityManager, centerId: string, year: number): Promise<CenterSourcesDto> {
  const recorded = await em.find(FundingSourceLine, { centerId, year }, { orderBy: { source: 'asc' } });
  const allocations = await em.find(Allocation, { centerId, fiscalYear: year, carriedOverFrom: null });
  const provincialFen = allocations.reduce((sum, a) => sum + allocationTotals(a).totalFen, 0);
  const latest = allocations.reduce<Allocation | null>(
    (last, a) => (last === null || a.createdAt > last.createdAt ? a : last),
    null,
  );
  const lines = [
    {
      source: 'provincial' as const,
      amountFen: provincialFen,
      note: `省科技厅安排${allocations.length}笔资金的合计`,
      recordedBy: latest?.createdBy ?? '省科技厅',
      recordedAt: (latest?.createdAt ?? new Date(0)).toISOString(),
    },
    ...recorded.map((line) => ({
      source: line.source,
      amountFen: line.amountFen,
      note: line.note,
      recordedBy: line.recordedBy,
      recordedAt: line.recordedAt.toISOString(),
    })),
  ];
  return { centerId, year, lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
}
