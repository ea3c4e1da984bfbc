import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ExecutionSummary, GetReportFunds, ReportFundsDto } from '@tic/contracts';
import { executionRate, liaoningCityOf } from '@tic/domain';
import { type Caller, DirectoryCenter, type In } from '@tic/platform';

import { Allocation } from '../allocations/allocation.entity';
import { allocationTotals, cityOf } from '../allocations/allocation-view';
import { centersInCity } from '../shared/center-scoped.repository';
import { centerSources, visibleCenter } from '../sources/sources.service';

interface Row {
  key: string;
  label: string;
  allocations: number;
  allocatedFen: number;
  spentFen: number;
}

/** A35: how much of the provincial funds was spent, by allocation, center, city or year; the report's funds section. */
@Injectable()
export class ExecutionService {
  constructor(private readonly entityManager: EntityManager) {}

  async summary(input: In<typeof ExecutionSummary>, caller: Caller) {
    const em = this.entityManager.fork();
    const repository = em.getRepository(Allocation);
    const scope = await repository.visibleFilter(caller);
    const conditions: FilterQuery<Allocation>[] = [scope ?? { id: { $in: [] } }];
    if (input.fiscalYear) conditions.push({ fiscalYear: input.fiscalYear });
    if (input.centerId) conditions.push({ centerId: input.centerId });
    if (input.city) conditions.push({ centerId: { $in: await centersInCity(em, input.city) } });
    const rows = scope === null ? [] : await repository.find({ $and: conditions }, { orderBy: { id: 'asc' } });
    const centers = new Map(
      (await em.find(DirectoryCenter, { id: { $in: [...new Set(rows.map((r) => r.centerId))] } })).map((c) => [
        c.id,
        c,
      ]),
    );
    const groups = new Map<string, Row>();
    const total = { allocations: 0, allocatedFen: 0, spentFen: 0 };
    for (const row of rows) {
      const center = centers.get(row.centerId) ?? null;
      const { key, label } = groupOf(input.groupBy, row, center);
      const group = groups.get(key) ?? { key, label, allocations: 0, allocatedFen: 0, spentFen: 0 };
      const { totalFen, spentFen } = allocationTotals(row);
      // A carried-over allocation's budget is the previous year's unspent money, already allocated then:
      // where the years are summed together it is not new money (its spending still counts).
      const carried = row.carriedOverFrom !== null;
      const acrossYears = input.fiscalYear === undefined;
      const rowSpansYears = acrossYears && (input.groupBy === 'center' || input.groupBy === 'city');
      group.allocations += 1;
      group.allocatedFen += carried && rowSpansYears ? 0 : totalFen;
      group.spentFen += spentFen;
      groups.set(key, group);
      total.allocations += 1;
      total.allocatedFen += carried && acrossYears ? 0 : totalFen;
      total.spentFen += spentFen;
    }
    return {
      rows: [...groups.values()]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((g) => ({ ...g, executionRate: executionRate(g.spentFen, g.allocatedFen) })),
      total: { ...total, executionRate: executionRate(total.spentFen, total.allocatedFen) },
    };
  }

  /** A27, A35: the funds section of a center's annual report, as the funding service keeps it. */
  async forReport(input: In<typeof GetReportFunds>, caller: Caller): Promise<ReportFundsDto> {
    const em = this.entityManager.fork();
    // A center the directory has not learned of yet (its event still on the way) holds no funds here:
    // allocations and sources need it. Its report's section is empty, and that tells nothing about it.
    if ((await em.count(DirectoryCenter, { id: input.centerId })) === 0) {
      return { centerId: input.centerId, year: input.year, sources: [], allocations: [] };
    }
    await visibleCenter(em, input.centerId, caller, 'allocation');
    const sources = await centerSources(em, input.centerId, input.year);
    const allocations = await em.find(
      Allocation,
      { centerId: input.centerId, fiscalYear: input.year },
      { orderBy: { id: 'asc' } },
    );
    return {
      centerId: input.centerId,
      year: input.year,
      sources: sources.lines.map((l) => ({ source: l.source, amountFen: l.amountFen })),
      allocations: allocations.map((a) => {
        const { totalFen, spentFen } = allocationTotals(a);
        return {
          allocationId: a.id,
          purpose: a.purpose,
          allocatedFen: totalFen,
          spentFen,
          executionRate: executionRate(spentFen, totalFen),
          targets: a.targets.map((t) => ({ ...t })),
        };
      }),
    };
  }
}

function groupOf(
  by: In<typeof ExecutionSummary>['groupBy'],
  row: Allocation,
  center: DirectoryCenter | null,
): { key: string; label: string } {
  switch (by) {
    case 'allocation':
      return { key: row.id, label: `${center?.nameZh ?? row.centerId} ${row.fiscalYear} ${row.purpose}` };
    case 'center':
      return { key: row.centerId, label: center?.nameZh ?? row.centerId };
    case 'city': {
      const city = cityOf(center);
      const name = city === null ? null : liaoningCityOf(city)?.name.zh;
      return { key: city ?? 'unknown', label: name ?? '未知' };
    }
    case 'year':
      return { key: String(row.fiscalYear), label: `${row.fiscalYear}年度` };
  }
}
