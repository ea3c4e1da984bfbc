import type { AllocationDto } from '@tic/contracts';
import { balancesByCategory, executionRate, liaoningCityOf, type CategoryBalance } from '@tic/domain';
import type { DirectoryCenter } from '@tic/platform';

import type { Allocation } from './allocation.entity';

/** Each budget category's balance, from the spent amounts the row keeps under its lock. */
export function allocationBalances(row: Allocation): CategoryBalance[] {
  return balancesByCategory(
    row.budget,
    row.budget.map((line) => ({ category: line.category, amountFen: row.spent[line.category] ?? 0 })),
  );
}

export function allocationTotals(row: Allocation): { totalFen: number; spentFen: number; remainingFen: number } {
  const totalFen = row.budget.reduce((sum, line) => sum + line.amountFen, 0);
  const spentFen = row.budget.reduce((sum, line) => sum + (row.spent[line.category] ?? 0), 0);
  return { totalFen, spentFen, remainingFen: totalFen - spentFen };
}

/** The allocation as the contracts show it. */
export function toAllocationDto(row: Allocation, center: DirectoryCenter | null): AllocationDto {
  const totals = allocationTotals(row);
  return {
    id: row.id,
    version: row.version,
    centerId: row.centerId,
    centerName: center?.nameZh ?? '',
    city: cityOf(center),
    fiscalYear: row.fiscalYear,
    purpose: row.purpose,
    status: row.status,
    allocatedOn: row.allocatedOn,
    proposalId: row.proposalId,
    carriedOverFrom: row.carriedOverFrom,
    ...totals,
    executionRate: executionRate(totals.spentFen, totals.totalFen),
    balances: allocationBalances(row),
    targets: row.targets.map((t) => ({ ...t })),
    selfEvaluatedOn: row.selfEvaluatedOn,
    rating: row.rating,
    yearEnd: row.yearEnd,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The division code of the center's city: its region's first four digits and 00. */
export function cityOf(center: DirectoryCenter | null): string | null {
  const code = center?.regionCode;
  if (code === null || code === undefined) return null;
  const city = liaoningCityOf(code);
  return city === null ? null : `${city.code}00`;
}
