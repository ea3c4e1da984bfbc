import {
  CreateAnnualReport,
  GetAnnualReport,
  ListAnnualReports,
  TransitionAnnualReport,
  UpdateAnnualReport,
} from '@tic/contracts';
import { eventually, readAllEvents } from '@tic/testing';

import { statistics } from './annual-report-support';
import { fundingStandIn, fundsSection } from './funding-stand-in';
import type { Caller } from '@tic/platform';

import { CALLERS, refusal, runningEvaluations } from './harness';

describe('A27: annual reports, written by the construction unit and filed through its reviewers (real Postgres, NATS)', () => {
  const service = runningEvaluations('annual-reports');
  const funding = fundingStandIn(service);

  const draft = async (centerId: string, reportYear = 2025) =>
    service.call(
      CreateAnnualReport,
      { centerId, reportYear, narrative: '2025年度中心运行良好。', statistics: statistics() },
      CALLERS.construction,
    );
  const step = (
    id: string,
    version: number,
    action: 'submit' | 'pass' | 'file' | 'return',
    caller: Caller = CALLERS.construction,
    extra = {},
  ) => service.call(TransitionAnnualReport, { id, version, action, ...extra }, caller);
  const stored = async (id: string) =>
    (await service.sql('select status, version, narrative from evaluations.annual_report where id = ?', [id]))[0];

  it('goes draft → supporting_review → recommender_review → filed, with a return on the way, and tells tic.report.submitted', async () => {
    service.clock.set('2026-02-10');
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const targets = [
      { indicator: '新增发明专利', targetValue: 8, achievedValue: 9 },
      { indicator: '技术转让合同', targetValue: 10, achievedValue: 6 },
    ];
    funding.ledger.set(fundsSection(centerId, 2025, targets));
    const report = await draft(centerId);
    expect(report).toMatchObject({ status: 'draft', reportYear: 2025, allowedActions: ['submit'] });
    expect(report.findings.map((f) => [f.rule, f.passed])).toEqual([['A35-performance-shortfall', false]]);

    const submitted = await step(report.id, report.version, 'submit');
    expect(submitted).toMatchObject({ status: 'supporting_review', submittedOn: '2026-02-10' });
    const returned = await step(submitted.id, submitted.version, 'return', CALLERS.supporting, {
      comment: '技术转让合同未达目标，请说明原因。',
      reviseBy: '2026-02-28',
    });
    expect(returned).toMatchObject({
      status: 'draft',
      returned: { comment: '技术转让合同未达目标，请说明原因。', reviseBy: '2026-02-28' },
    });
    // A35: the reason is given where the target is kept (the funding service's self-evaluation), not retyped.
    funding.ledger.set(
      fundsSection(centerId, 2025, [targets[0]!, { ...targets[1]!, shortfallReason: '四项合同顺延至次年' }]),
    );
    const revised = await service.call(
      UpdateAnnualReport,
      { id: returned.id, version: returned.version, statistics: statistics() },
      CALLERS.construction,
    );
    expect(revised.findings.map((f) => [f.rule, f.passed])).toEqual([['A35-performance-shortfall', true]]);
    const again = await step(revised.id, revised.version, 'submit');
    const passed = await step(again.id, again.version, 'pass', CALLERS.supporting);
    expect(passed).toMatchObject({ status: 'recommender_review' });
    const filed = await step(passed.id, passed.version, 'file', CALLERS.recommender);
    expect(filed).toMatchObject({ status: 'filed', filedOn: '2026-02-10', allowedActions: [] });
    expect(filed.history.map((h) => [h.action, h.role])).toEqual([
      ['submit', 'construction_unit'],
      ['return', 'supporting_unit'],
      ['submit', 'construction_unit'],
      ['pass', 'supporting_unit'],
      ['file', 'recommender'],
    ]);

    await eventually(async () => {
      const events = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.report.submitted');
      expect(events.filter((e) => e.subject === report.id).map((e) => [e.aggregateversion, e.data])).toEqual([
        [1, expect.objectContaining({ reportId: report.id, centerId, reportYear: 2025, submittedOn: '2026-02-10' })],
        [2, expect.objectContaining({ reportId: report.id })],
      ]);
    });
    const dst = await service.call(GetAnnualReport, { id: report.id }, CALLERS.dst);
    expect(dst.status).toBe('filed');
    const office = await service.call(ListAnnualReports, { centerId }, CALLERS.committee);
    expect(office.items.map((r) => r.id)).toEqual([report.id]);
  });

  it('two creates of one center and year at once: one report, the other refused as already existing', async () => {
    service.clock.set('2026-02-10');
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const results = await Promise.allSettled([draft(centerId), draft(centerId)]);
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(created).toEqual([expect.objectContaining({ centerId, reportYear: 2025, status: 'draft' })]);
    // The loser is answered as a second create would be, never as an internal error.
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(rejected).toEqual([
      expect.objectContaining({
        error: expect.objectContaining({ code: 'conflict', reason: 'report.already_exists', article: '第二十七条' }),
      }),
    ]);
    const listed = await service.call(ListAnnualReports, { centerId }, CALLERS.dst);
    expect(listed.items.map((r) => r.id)).toEqual([created[0]?.id]);
  });

  it('refuses with exact codes: a second report on a year, a year not past, a stale version, an edit under review, a return without comments, a bad table', async () => {
    service.clock.set('2026-02-10');
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const report = await draft(centerId);

    expect(await refusal(draft(centerId))).toMatchObject({
      code: 'conflict',
      reason: 'report.already_exists',
      article: '第二十七条',
    });
    expect(await refusal(draft(centerId, 2026))).toMatchObject({
      code: 'invalid_input',
      reason: 'report.year_not_past',
    });
    const bad = await refusal(
      service.call(
        UpdateAnnualReport,
        {
          id: report.id,
          version: report.version,
          statistics: statistics({ fixedStaff: -1, inventionPatentsGranted: 30 }),
        },
        CALLERS.construction,
      ),
    );
    expect(bad).toMatchObject({ code: 'invalid_input', reason: 'report.statistics_invalid', rule: 'A27-statistics' });
    expect(bad.errors?.map((e) => e.path)).toEqual(['statistics.fixedStaff', 'statistics.inventionPatentsGranted']);

    const updated = await service.call(
      UpdateAnnualReport,
      { id: report.id, version: report.version, narrative: '修订后的运行报告。' },
      CALLERS.construction,
    );
    expect(
      await refusal(
        service.call(
          UpdateAnnualReport,
          { id: report.id, version: report.version, narrative: 'x' },
          CALLERS.construction,
        ),
      ),
    ).toMatchObject({ code: 'stale_version' });
    const submitted = await step(updated.id, updated.version, 'submit');
    expect(
      await refusal(
        service.call(
          UpdateAnnualReport,
          { id: report.id, version: submitted.version, narrative: 'x' },
          CALLERS.construction,
        ),
      ),
    ).toMatchObject({ code: 'conflict', reason: 'report.not_editable' });
    expect(await refusal(step(submitted.id, submitted.version, 'return', CALLERS.supporting))).toMatchObject({
      code: 'rule_violation',
      rule: 'A27-review-comment',
      article: '第二十七条',
    });
    expect(await refusal(step(submitted.id, submitted.version, 'file', CALLERS.recommender))).toMatchObject({
      reason: 'lifecycle.invalid_transition',
    });
    expect(await stored(report.id)).toMatchObject({ status: 'supporting_review', narrative: '修订后的运行报告。' });

    const empty = await service.call(CreateAnnualReport, { centerId, reportYear: 2024 }, CALLERS.construction);
    expect(await refusal(step(empty.id, empty.version, 'submit'))).toMatchObject({
      code: 'rule_violation',
      reason: 'report.statistics_required',
      rule: 'A27-statistics',
    });
  });

  it('refuses every role of another unit, and the wrong role of the center’s own units, changing nothing', async () => {
    service.clock.set('2026-02-10');
    const centerId = await service.newCenter({ establishedOn: '2025-03-01' });
    const report = await draft(centerId);
    const before = await stored(report.id);

    for (const caller of [
      CALLERS.otherConstruction,
      CALLERS.otherSupporting,
      CALLERS.otherRecommender,
      CALLERS.agency,
    ]) {
      expect(await refusal(service.call(GetAnnualReport, { id: report.id }, caller))).toMatchObject({
        code: 'not_found',
        reason: 'report.not_found',
      });
      expect(await refusal(step(report.id, report.version, 'submit', caller))).toMatchObject({ code: 'not_found' });
      expect((await service.call(ListAnnualReports, {}, caller)).items.map((r) => r.id)).not.toContain(report.id);
    }
    expect(await refusal(service.call(ListAnnualReports, { centerId }, CALLERS.otherRecommender))).toMatchObject({
      code: 'not_found',
      reason: 'center.not_found',
    });
    expect(
      await refusal(service.call(CreateAnnualReport, { centerId, reportYear: 2024 }, CALLERS.otherConstruction)),
    ).toMatchObject({ code: 'not_found', reason: 'center.not_found' });
    expect(
      await refusal(service.call(CreateAnnualReport, { centerId, reportYear: 2024 }, CALLERS.supporting)),
    ).toMatchObject({ code: 'forbidden', reason: 'report.written_by_construction_unit', article: '第二十七条' });
    expect(
      await refusal(
        service.call(
          UpdateAnnualReport,
          { id: report.id, version: report.version, narrative: 'x' },
          CALLERS.recommender,
        ),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'report.edited_by_construction_unit' });
    expect(await refusal(step(report.id, report.version, 'submit', CALLERS.supporting))).toMatchObject({
      code: 'forbidden',
      reason: 'lifecycle.role_not_allowed',
    });
    expect(await refusal(step(report.id, report.version, 'submit', CALLERS.dst))).toMatchObject({ code: 'forbidden' });
    expect(await stored(report.id)).toEqual(before);
    const rows = await service.sql('select count(*)::int as n from evaluations.annual_report where center_id = ?', [
      centerId,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });
});
