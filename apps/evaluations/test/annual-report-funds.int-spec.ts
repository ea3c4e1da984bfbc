import {
  type AnnualReportDto,
  CreateAnnualReport,
  ExportReportStatisticsTemplate,
  GetAnnualReport,
  ListAnnualReports,
  TransitionAnnualReport,
  UpdateAnnualReport,
} from '@tic/contracts';
import type { Caller } from '@tic/platform';

import { statistics } from './annual-report-support';
import { fundingStandIn, fundsSection } from './funding-stand-in';
import { CALLERS, ORGS, refusal, runningEvaluations } from './harness';

describe('A27, A35: the annual report’s funds section, read from the funding service over NATS (real Postgres, NATS, Redis)', () => {
  const service = runningEvaluations('annual-report-funds', { RPC_TIMEOUT_MS: '2000' });
  const funding = fundingStandIn(service);

  const draft = (centerId: string) =>
    service.call(
      CreateAnnualReport,
      { centerId, reportYear: 2025, narrative: '2025年度中心运行良好。', statistics: statistics() },
      CALLERS.construction,
    );
  const submit = (id: string, version: number, caller: Caller = CALLERS.construction) =>
    service.call(TransitionAnnualReport, { id, version, action: 'submit' }, caller);
  const edit = (id: string, version: number, narrative: string) =>
    service.call(UpdateAnnualReport, { id, version, narrative }, CALLERS.construction);
  const stored = async (id: string) =>
    (await service.sql('select status, version, funds from evaluations.annual_report where id = ?', [id]))[0];
  const shortfall = [{ indicator: '技术转让合同', targetValue: 10, achievedValue: 6 }];

  beforeEach(() => {
    service.clock.set('2026-02-10');
  });

  it('a draft shows the funding service’s section live, asked as the reader; submitting keeps it as it was', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    funding.ledger.set(fundsSection(centerId, 2025, shortfall, 3_200_000_00));
    const report = await draft(centerId);
    expect(report.funds).toEqual(fundsSection(centerId, 2025, shortfall, 3_200_000_00));
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'A35-performance-shortfall',
        passed: false,
        details: expect.objectContaining({ path: 'funds.allocations[0].targets[0]' }),
      }),
    ]);
    expect(funding.ledger.asked.at(-1)).toEqual({
      caller: expect.objectContaining({ orgId: ORGS.construction, role: 'construction_unit' }),
      input: { centerId, year: 2025 },
    });

    // Live: an expenditure recorded in the funding service shows in the draft at once.
    funding.ledger.set(fundsSection(centerId, 2025, shortfall, 4_100_000_00));
    const live = await service.call(GetAnnualReport, { id: report.id }, CALLERS.construction);
    expect(live.funds?.allocations[0]).toMatchObject({ spentFen: 4_100_000_00, executionRate: 0.82 });

    const submitted = await submit(live.id, live.version);
    expect(submitted).toMatchObject({
      status: 'supporting_review',
      funds: fundsSection(centerId, 2025, shortfall, 4_100_000_00),
    });
    expect((await stored(report.id))?.funds).toEqual(fundsSection(centerId, 2025, shortfall, 4_100_000_00));

    // What was reported stays as it was: a later change in the funding service does not alter it.
    funding.ledger.set(fundsSection(centerId, 2025, [], 4_900_000_00));
    const asked = funding.ledger.asked.length;
    for (const caller of [CALLERS.supporting, CALLERS.dst]) {
      const read = await service.call(GetAnnualReport, { id: report.id }, caller);
      expect(read.funds?.allocations[0]).toMatchObject({ spentFen: 4_100_000_00 });
      expect(read.findings.map((f) => [f.rule, f.passed])).toEqual([['A35-performance-shortfall', false]]);
    }
    const listed = await service.call(ListAnnualReports, { centerId }, CALLERS.dst);
    expect(listed.items[0]?.funds?.allocations[0]).toMatchObject({ spentFen: 4_100_000_00 });
    expect(funding.ledger.asked).toHaveLength(asked);
  });

  it('the funding service not answering: the draft shows funds null, submitting is refused 503 unavailable and changes nothing', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    funding.ledger.set(fundsSection(centerId, 2025, shortfall));
    const report = await draft(centerId);
    await funding.stop();
    try {
      const shown = await service.call(GetAnnualReport, { id: report.id }, CALLERS.construction);
      expect(shown).toMatchObject({ status: 'draft', funds: null, findings: [] });
      const before = await stored(report.id);

      expect(await refusal(submit(shown.id, shown.version))).toMatchObject({
        code: 'unavailable',
        reason: 'report.funds_unavailable',
        article: '第二十七条',
      });
      expect(await stored(report.id)).toEqual({ ...before, status: 'draft', funds: null });
      const template = await service.call(ExportReportStatisticsTemplate, { id: report.id }, CALLERS.construction);
      expect(template.fileName).toBe('2025年度统计表.xlsx');
    } finally {
      await funding.start();
    }
    // Retryable: once the funding service answers, the same submission goes through.
    const submitted = await submit(report.id, report.version);
    expect(submitted).toMatchObject({ status: 'supporting_review', funds: fundsSection(centerId, 2025, shortfall) });
  });

  it('a slow funding service holds no lock: a second edit of the draft goes through while the first’s funds are still asked', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    funding.ledger.set(fundsSection(centerId, 2025, shortfall));
    const report = await draft(centerId);
    const slow = funding.ledger.holdNext();
    let firstAnswered = false;
    const first = edit(report.id, report.version, '第一次修改。');
    const settled = () => {
      firstAnswered = true;
    };
    void first.then(settled, settled);
    try {
      // The first edit is committed before the funding service is asked, so the second edits its version.
      await slow.arrived;
      const second = await edit(report.id, report.version + 1, '第二次修改。');
      expect(second).toMatchObject({ narrative: '第二次修改。', funds: fundsSection(centerId, 2025, shortfall) });
      expect(firstAnswered).toBe(false);
    } finally {
      slow.release();
    }
    expect(await first).toMatchObject({ narrative: '第一次修改。', version: report.version + 1 });

    // The funding service away: the edit is still taken and answered, its funds null until it is back.
    const latest = await service.call(GetAnnualReport, { id: report.id }, CALLERS.construction);
    await funding.stop();
    try {
      const edited = await edit(report.id, latest.version, '第三次修改。');
      expect(edited).toMatchObject({ narrative: '第三次修改。', funds: null, findings: [] });
      expect(await stored(report.id)).toMatchObject({ version: edited.version, status: 'draft' });
    } finally {
      await funding.start();
    }
  });

  it('A32–A36: the funds and their findings are shown only to whoever reads the center’s funds; a co-building unit sees the report without them', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    funding.ledger.set(fundsSection(centerId, 2025, shortfall));
    const report = await draft(centerId);
    const asked = funding.ledger.asked.length;
    const coBuilderDraft = await service.call(GetAnnualReport, { id: report.id }, CALLERS.coBuilder);
    expect(coBuilderDraft).toMatchObject({ status: 'draft', funds: null, findings: [] });
    // Not even asked of the funding service for a caller who may not read it.
    expect(funding.ledger.asked).toHaveLength(asked);

    await submit(report.id, report.version);
    const coBuilderRead = await service.call(GetAnnualReport, { id: report.id }, CALLERS.coBuilder);
    expect(coBuilderRead).toMatchObject({ status: 'supporting_review', funds: null, findings: [] });
    const coBuilderList = await service.call(ListAnnualReports, { centerId }, CALLERS.coBuilder);
    expect(coBuilderList.items).toEqual([expect.objectContaining({ id: report.id, funds: null, findings: [] })]);

    const supporting = await service.call(GetAnnualReport, { id: report.id }, CALLERS.supporting);
    expect(supporting.funds).toEqual(fundsSection(centerId, 2025, shortfall));
    expect(supporting.findings.map((f) => [f.rule, f.passed])).toEqual([['A35-performance-shortfall', false]]);
    const supportingList = await service.call(ListAnnualReports, { centerId }, CALLERS.supporting);
    expect(supportingList.items[0]?.funds).toEqual(fundsSection(centerId, 2025, shortfall));
  });

  it('a role that may read but not submit gets the lifecycle’s 403, not the funding service’s answer, and nobody is asked', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const report = await draft(centerId);
    const asked = funding.ledger.asked.length;
    await funding.stop();
    try {
      expect(await refusal(submit(report.id, report.version, CALLERS.supporting))).toMatchObject({
        code: 'forbidden',
        reason: 'lifecycle.role_not_allowed',
      });
      for (const caller of [CALLERS.coBuilder, CALLERS.dst]) {
        expect(await refusal(submit(report.id, report.version, caller))).toMatchObject({ code: 'forbidden' });
      }
    } finally {
      await funding.start();
    }
    expect(funding.ledger.asked).toHaveLength(asked);
    expect(await stored(report.id)).toMatchObject({ status: 'draft', version: report.version, funds: null });
  });

  it('a report stored before the funds section (typed performance targets in its table) is still read', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const report = await draft(centerId);
    const typed = [{ indicator: '新增发明专利', unit: '件', target: 8, achieved: 9 }];
    await service.sql(
      `update evaluations.annual_report set status = 'supporting_review', submitted_on = '2026-02-01',
         statistics = statistics || jsonb_build_object('performanceTargets', ?::jsonb) where id = ?`,
      [JSON.stringify(typed), report.id],
    );
    const old = await service.call(GetAnnualReport, { id: report.id }, CALLERS.supporting);
    expect(old).toMatchObject({ status: 'supporting_review', funds: null, findings: [] });
    expect(old.statistics).toEqual(statistics());
    expect(old.statistics).not.toHaveProperty('performanceTargets');
  });

  it('A35: a unit that still types performance targets in the table is refused, naming them, and nothing is dropped silently', async () => {
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const report: AnnualReportDto = await draft(centerId);
    const typed = { ...statistics(), performanceTargets: [{ indicator: '论文', unit: '篇', target: 10, achieved: 8 }] };
    const refused = await refusal(
      service.call(
        UpdateAnnualReport,
        { id: report.id, version: report.version, statistics: typed },
        CALLERS.construction,
      ),
    );
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect(refused.errors).toEqual([
      { path: 'statistics.performanceTargets', message: 'Unrecognized key: "performanceTargets"' },
    ]);
    expect((await stored(report.id))?.version).toBe(report.version);
  });
});
