import { GetReportFunds, reportFundsSchema } from '../funding/execution.rpc';
import { annualReportSchema, CreateAnnualReport, reportStatisticsSchema, UpdateAnnualReport } from './reports.rpc';

const table = {
  rdSpendingFen: 1_250_000_000,
  fixedStaff: 48,
  floatingStaff: 22,
  patentsGranted: 17,
  inventionPatentsGranted: 9,
  standardsDrafted: 2,
  transferContracts: 6,
  transferIncomeFen: 380_000_000,
  incubatedFirms: 1,
  instrumentsShared: 35,
  sharingHours: 4200.5,
  majorAchievements: [],
};
const id = '0190f5a2-7c1e-7b3a-9d4e-2f6a8b1c3d5e';

describe('A27, A35: the annual report’s funds section is the funding service’s', () => {
  it('the report carries the funding service’s section, or null, never a table of its own', () => {
    expect(annualReportSchema.shape.funds.unwrap()).toBe(reportFundsSchema);
    expect(GetReportFunds.response).toBe(reportFundsSchema);
    expect(annualReportSchema.shape.funds.safeParse(null).success).toBe(true);
    expect(Object.keys(reportStatisticsSchema.shape)).not.toContain('performanceTargets');
  });

  it('a unit’s table refuses typed performance targets by name, on create and on update', () => {
    const typed = { ...table, performanceTargets: [] };
    for (const request of [
      CreateAnnualReport.request.safeParse({ centerId: id, reportYear: 2025, statistics: typed }),
      UpdateAnnualReport.request.safeParse({ id, version: 1, statistics: typed }),
    ]) {
      expect(request.error?.issues).toEqual([
        expect.objectContaining({ code: 'unrecognized_keys', keys: ['performanceTargets'], path: ['statistics'] }),
      ]);
    }
    expect(UpdateAnnualReport.request.safeParse({ id, version: 1, statistics: table }).success).toBe(true);
  });

  it('GetReportFunds is internal: asked by the evaluations service, not offered through the gateway', () => {
    expect(GetReportFunds).toMatchObject({ subject: 'tic.rpc.funding.funds.for_report', internal: true });
  });
});
