import type { FilterQuery } from '@mikro-orm/core';

import { notFound, type ResourceFacts, type ScopeField } from '@tic/domain';
import {
  type Caller,
  DirectoryCenter,
  directoryCenterFacts,
  requireAccess,
  RpcFailure,
  ScopedRepository,
} from '@tic/platform';

import type { AnnualReport } from './annual-report.entity';

/** A27: annual reports in the caller's scope; a report is seen by whoever sees its center. */
export class AnnualReportRepository extends ScopedRepository<AnnualReport> {
  protected readonly kind = 'report';

  async facts(report: AnnualReport): Promise<ResourceFacts> {
    return directoryCenterFacts('report', await this.em.findOneOrFail(DirectoryCenter, { id: report.centerId }));
  }

  protected scopeCondition(field: ScopeField, value: string): Promise<FilterQuery<AnnualReport>> {
    return this.centerCondition(field, value);
  }

  /** The report locked for a command, if the caller may see it; otherwise 404, whether it exists or not. */
  async findVisibleForUpdate(id: string, caller: Caller): Promise<AnnualReport> {
    const report = await this.findForUpdate(id);
    if (report === null) throw RpcFailure.denied(notFound('report'));
    requireAccess(caller, 'report.read', await this.facts(report));
    return report;
  }

  /** One page of reports within `scope` (a visibleFilter), newest first. */
  page(
    scope: FilterQuery<AnnualReport>,
    filter: { readonly centerId?: string; readonly reportYear?: number; readonly status?: AnnualReport['status'] },
    cursor: string | undefined,
    limit: number,
  ): Promise<AnnualReport[]> {
    const conditions: FilterQuery<AnnualReport>[] = [scope];
    if (filter.centerId) conditions.push({ centerId: filter.centerId });
    if (filter.reportYear) conditions.push({ reportYear: filter.reportYear });
    if (filter.status) conditions.push({ status: filter.status });
    if (cursor) conditions.push({ id: { $lt: cursor } });
    return this.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }
}
