import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AnnualReportDto, CheckReportPersonnel, CheckRoster, type ReportPersonnelDto } from '@tic/contracts';
import { maskResidentId } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  DirectoryCenter,
  type In,
  refuse,
  requireAccess,
  RpcClient,
  UnitOfWork,
} from '@tic/platform';

import { AnnualReport } from './annual-report.entity';
import { assertCenterReports } from './report-form';
import { REPORT_REFUSALS } from './reports.refusals';
import { ReportsService } from './reports.service';

/**
 * A27, A18: a report's personnel list checked against the registry. The personnel service's roster check is
 * asked as the construction unit itself (on its center's platform), so that it answers what that unit may
 * learn; only the masked numbers and the conflicts are kept.
 */
@Injectable()
export class ReportPersonnelService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
    private readonly reports: ReportsService,
  ) {}

  async check(input: In<typeof CheckReportPersonnel>, caller: Caller): Promise<AnnualReportDto> {
    // The registry is asked before the transaction, as the submission reads committee meetings, so that no
    // row stays locked while personnel answers; the transaction then checks the version again.
    const em = this.entityManager.fork();
    const reports = em.getRepository(AnnualReport);
    const seen = await reports.findVisible(input.id, caller);
    requireAccess(caller, 'report.update', await reports.facts(seen));
    assertVersion(input.version, seen.version);
    if (seen.status !== 'draft') throw refuse(REPORT_REFUSALS.not_editable);
    const personnel = await this.checked(seen.centerId, input.people);
    const saved = await this.uow.run(
      CheckReportPersonnel,
      input,
      async ({ em: tx }) => {
        const report = await tx.getRepository(AnnualReport).findVisibleForUpdate(input.id, caller);
        assertVersion(input.version, report.version);
        assertCenterReports(await tx.findOneOrFail(DirectoryCenter, { id: report.centerId }));
        report.personnel = personnel;
        return report.id;
      },
      (tx, id) => this.reports.storedView(tx, id, caller),
    );
    return this.reports.withLiveFunds(saved, caller);
  }

  private async checked(
    centerId: string,
    people: In<typeof CheckReportPersonnel>['people'],
  ): Promise<ReportPersonnelDto> {
    const reply = await this.rpc.request(CheckRoster, { platformId: centerId, firstRow: 1, rows: people });
    // A line the registry cannot read (a wrong ID number) refuses the list whole, each line named.
    if (reply.problems.length > 0) {
      throw refuse(
        REPORT_REFUSALS.personnel_invalid,
        { count: reply.problems.length },
        {
          rule: 'A18-roster',
          errors: reply.problems.map((p) => ({ path: `people[${p.row - 1}].${p.path}`, message: p.message })),
        },
      );
    }
    return {
      checkedOn: this.clock.today(),
      people: people.map((p) => ({ name: p.name.trim(), idNumberMasked: maskResidentId(p.idNumber), kind: p.kind })),
      conflicts: reply.conflicts.map((c) => ({
        row: c.row,
        name: people[c.row - 1]?.name.trim() ?? '',
        platformName: c.platformName,
        since: c.since,
      })),
    };
  }
}
