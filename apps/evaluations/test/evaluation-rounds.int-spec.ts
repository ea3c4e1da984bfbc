import ExcelJS from 'exceljs';
import { v4 as uuidv4 } from 'uuid';

import {
  CenterRevoked,
  createEvent,
  DeclareAgencyRelations,
  DeclineAssignment,
  EntrustAgency,
  ExportRoundScores,
  GetAssignment,
  GetRound,
  GradeRound,
  OpenRound,
  PublicRoundResult,
  PublishRound,
  RoundStatistics,
  ScoreAssignment,
  StartGrading,
  SubmitAssignment,
} from '@tic/contracts';
import { addDays, DEFAULT_INDICATOR_SYSTEM, indicatorsOf } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import type { Caller } from '@tic/platform';
import { eventually, publishEvents } from '@tic/testing';

import { CALLERS, ORGS, refusal, runningEvaluations } from './harness';

const unit = (role: 'supporting_unit' | 'construction_unit', name: string): Caller => ({
  userId: uuidv4(),
  name,
  role,
  orgId: uuidv4(),
});
const session = { on: '2026-12-01', place: '沈阳', members: [{ name: '张评审', role: '组长' }], findings: '运行规范' };
const allScored = (score: number) =>
  indicatorsOf(DEFAULT_INDICATOR_SYSTEM).map((i) => ({ indicatorKey: i.key, score, evidence: `${i.key} 佐证材料` }));

describe('evaluation rounds (A28–A30): open, entrust, score, decline, miss the deadline, grade with the cap, publish', () => {
  const service = runningEvaluations('evaluation-rounds');
  const today = () => service.clock.today();
  const units = {
    b: unit('supporting_unit', 'B'),
    c: unit('supporting_unit', 'C'),
    d: unit('supporting_unit', 'D'),
    p: unit('supporting_unit', 'P'),
  };
  const dConstruction = unit('construction_unit', 'D 建设单位');
  const ids: Record<string, string> = {};
  let roundId = '';

  const outbox = async (type: string) =>
    (await service.sql('select document from evaluations.outbox_event where type = ? order by seq', [type])).map(
      (row) => (row.document as { data: Record<string, unknown> }).data,
    );
  const assignment = (centerId: string, caller: Caller = CALLERS.dst) =>
    service.call(GetAssignment, { roundId, centerId }, caller);
  const round = () => service.call(GetRound, { id: roundId }, CALLERS.dst);

  const scoreAndSubmit = async (centerId: string, caller: Caller, score: number) => {
    const { version } = await assignment(centerId, caller);
    const scored = await service.call(
      ScoreAssignment,
      {
        roundId,
        centerId,
        version,
        scores: allScored(score),
        meetingReview: session,
        onSiteInspection: session,
        report: '评估报告',
      },
      caller,
    );
    return service.call(SubmitAssignment, { roundId, centerId, version: scored.version }, caller);
  };

  beforeAll(async () => {
    const twoYearsAgo = addDays(today(), -800);
    ids.a = await service.newCenter({ establishedOn: twoYearsAgo, name: '甲中心' });
    for (const [key, name] of [
      ['b', '乙中心'],
      ['c', '丙中心'],
      ['d', '丁中心'],
      ['g', '戊中心'],
    ] as const) {
      const supporting = key === 'g' ? uuidv4() : units[key].orgId;
      ids[key] = await service.newCenter({
        establishedOn: twoYearsAgo,
        name,
        supportingUnitId: supporting,
        constructionUnitId: key === 'd' ? dConstruction.orgId : uuidv4(),
        coBuilderIds: [],
        regionCode: key === 'b' ? '210202' : '210102',
      });
    }
    ids.e = await service.newCenter({
      status: 'preparing',
      establishedOn: addDays(today(), -370),
      name: '己中心',
      supportingUnitId: uuidv4(),
      coBuilderIds: [],
    });
    ids.p = await service.newCenter({
      status: 'preparing',
      establishedOn: addDays(today(), -370),
      name: '庚中心',
      supportingUnitId: units.p.orgId,
      coBuilderIds: [],
    });
    ids.closed = await service.newCenter({ establishedOn: today(), name: '撤销中心', coBuilderIds: [] });
    await publishEvents(service.nats, [
      createEvent(CenterRevoked, {
        id: uuidv4(),
        subject: ids.closed,
        time: new Date().toISOString(),
        aggregateVersion: 2,
        data: {
          centerId: ids.closed,
          name: { zh: '撤销中心', en: 'revoked center' },
          ground: 5,
          grounds: [5],
          article: '第三十一条第（五）项',
          reason: '主动申请撤销',
          revokedOn: today(),
          actor: { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' },
        },
      }),
    ]);
    await eventually(async () => {
      const rows = await service.sql('select closed_on from evaluations.center_directory where id = ?', [ids.closed]);
      expect(rows[0]?.closed_on).not.toBeNull();
    });
    ids.fresh = await service.newCenter({
      establishedOn: today(),
      name: '新中心',
      supportingUnitId: uuidv4(),
      coBuilderIds: [],
    });
  }, 60_000);

  it('A28: only DST opens a round; the centers due come from the directory', async () => {
    const input = {
      name: '2026年度评估',
      year: 2026,
      participateBy: addDays(today(), 30),
      thresholds: { excellent: 90, good: 75, basicPass: 60 },
      excellentCapShare: 0.25,
    };
    expect(await refusal(service.call(OpenRound, input, CALLERS.supporting))).toMatchObject({
      code: 'forbidden',
      reason: 'round.dst_only',
      article: '第二十八条',
    });
    const twice = service.call(
      OpenRound,
      {
        ...input,
        add: [
          { centerId: ids.fresh as string, reason: '新设中心提前参评' },
          { centerId: ids.fresh as string, reason: '再次列入' },
        ],
      },
      CALLERS.dst,
    );
    expect(await refusal(twice)).toMatchObject({
      code: 'invalid_input',
      errors: [expect.objectContaining({ path: 'add.1.centerId' })],
    });
    const closed = service.call(
      OpenRound,
      { ...input, add: [{ centerId: ids.closed as string, reason: '补充评估' }] },
      CALLERS.dst,
    );
    expect(await refusal(closed)).toMatchObject({
      code: 'rule_violation',
      reason: 'round.center_closed',
      article: '第二十八条',
    });
    expect(await service.sql('select id from evaluations.evaluation_round')).toEqual([]);

    const opened = await service.call(OpenRound, input, CALLERS.dst);
    roundId = opened.id;
    expect(opened.status).toBe('open');
    const byId = new Map(opened.centers.map((c) => [c.centerId, c]));
    for (const key of ['a', 'b', 'c', 'd', 'g']) expect(byId.get(ids[key] as string)?.basis).toBe('cycle');
    expect(byId.get(ids.e as string)?.basis).toBe('preparation');
    expect(byId.get(ids.p as string)?.basis).toBe('preparation');
    expect(byId.has(ids.closed as string)).toBe(false);
    expect(byId.has(ids.fresh as string)).toBe(false);
  });

  it('A29 回避: an agency is never entrusted with a center of an organization it declared', async () => {
    // The agency's first declaration sent twice at once: both answered, one row.
    const declare = () => service.call(DeclareAgencyRelations, { relatedOrgIds: [ORGS.supporting] }, CALLERS.agency);
    expect(await Promise.all([declare(), declare()])).toEqual([
      { agencyOrgId: ORGS.agency, relatedOrgIds: [ORGS.supporting] },
      { agencyOrgId: ORGS.agency, relatedOrgIds: [ORGS.supporting] },
    ]);
    const refused = await refusal(
      service.call(EntrustAgency, { id: roundId, agencyOrgId: ORGS.agency, centerIds: [ids.a as string] }, CALLERS.dst),
    );
    expect(refused).toMatchObject({ code: 'rule_violation', reason: 'round.agency_recused', article: '第二十九条' });
    expect((await assignment(ids.a as string)).agencyOrgId).toBeNull();

    await service.call(
      EntrustAgency,
      { id: roundId, agencyOrgId: ORGS.otherAgency, centerIds: [ids.a, ids.b] as string[] },
      CALLERS.dst,
    );
    await service.call(
      EntrustAgency,
      { id: roundId, agencyOrgId: ORGS.agency, centerIds: [ids.c, ids.d, ids.e, ids.p] as string[] },
      CALLERS.dst,
    );
    await service.call(
      EntrustAgency,
      { id: roundId, agencyOrgId: ORGS.agency, centerIds: [ids.g as string], participateBy: addDays(today(), 3) },
      CALLERS.dst,
    );
  });

  it('A29: an agency sees and scores only its own centers; a stale version is refused', async () => {
    expect(await refusal(assignment(ids.a as string, CALLERS.agency))).toMatchObject({ code: 'not_found' });
    const seen = await service.call(GetRound, { id: roundId }, CALLERS.otherAgency);
    expect(seen.centers.map((c) => c.centerId).sort()).toEqual([ids.a, ids.b].sort());
    const before = await assignment(ids.a as string);
    const stranger = service.call(
      ScoreAssignment,
      { roundId, centerId: ids.a as string, version: before.version, scores: allScored(50) },
      CALLERS.agency,
    );
    expect(await refusal(stranger)).toMatchObject({ code: 'not_found' });
    expect((await assignment(ids.a as string)).scores).toEqual([]);

    const submitEarly = async () => {
      const { version } = await assignment(ids.a as string, CALLERS.otherAgency);
      const partial = await service.call(
        ScoreAssignment,
        { roundId, centerId: ids.a as string, version, scores: allScored(95).slice(0, 3) },
        CALLERS.otherAgency,
      );
      return service.call(
        SubmitAssignment,
        { roundId, centerId: ids.a as string, version: partial.version },
        CALLERS.otherAgency,
      );
    };
    expect(await refusal(submitEarly())).toMatchObject({ code: 'rule_violation', rule: 'A29-indicator-scores' });
    expect(
      await refusal(
        service.call(
          ScoreAssignment,
          { roundId, centerId: ids.a as string, version: 1, scores: [] },
          CALLERS.otherAgency,
        ),
      ),
    ).toMatchObject({ code: 'stale_version' });

    await scoreAndSubmit(ids.a as string, CALLERS.otherAgency, 95);
    await scoreAndSubmit(ids.b as string, CALLERS.otherAgency, 95);
    await scoreAndSubmit(ids.c as string, CALLERS.agency, 80);
    const e = await scoreAndSubmit(ids.e as string, CALLERS.agency, 70);
    expect(e).toMatchObject({ status: 'submitted', total: 70 });
  });

  it('A31(四): a center declines through its supporting unit, another misses the deadline; both are not_participated events', async () => {
    const d = await assignment(ids.d as string);
    expect(
      await refusal(
        service.call(
          DeclineAssignment,
          { roundId, centerId: ids.d as string, version: d.version, reason: '不参加' },
          dConstruction,
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await refusal(
        service.call(
          DeclineAssignment,
          { roundId, centerId: ids.d as string, version: d.version, reason: '不参加' },
          units.b,
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    const declined = await service.call(
      DeclineAssignment,
      { roundId, centerId: ids.d as string, version: d.version, reason: '中心重组中' },
      units.d,
    );
    expect(declined.status).toBe('declined');
    const p = await assignment(ids.p as string, units.p);
    await service.call(
      DeclineAssignment,
      { roundId, centerId: ids.p as string, version: p.version, reason: '筹建单位调整' },
      units.p,
    );

    service.clock.set(addDays(today(), 5));
    await service.app.get(Deadlines).sweep();
    expect((await assignment(ids.g as string)).status).toBe('not_participated');
    const events = await outbox('tic.evaluation.not_participated');
    expect(events.map((e) => e.centerId).sort()).toEqual([ids.d, ids.g, ids.p].sort());
  });

  it('A30: grading applies the cap by rank; a tie waits for DST’s order; an override needs a reason', async () => {
    const grading = await service.call(StartGrading, { id: roundId, version: (await round()).version }, CALLERS.dst);
    expect(grading.status).toBe('grading');
    expect(grading.capCount).toBe(1);
    expect(grading.tieAtCap.sort()).toEqual([ids.a, ids.b].sort());

    // Until publication the totals and grades are DST's and the entrusted agency's; the center's unit sees none.
    const byUnit = await service.call(GetRound, { id: roundId }, units.b);
    expect(byUnit).toMatchObject({ status: 'grading', capCount: null, tieAtCap: [] });
    expect(byUnit.centers).toEqual([
      expect.objectContaining({ centerId: ids.b, total: null, computedGrade: null, grade: null }),
    ]);
    expect(await assignment(ids.b as string, units.b)).toMatchObject({
      status: 'submitted',
      total: null,
      computedGrade: null,
      grade: null,
      scores: [],
      report: null,
    });
    const byAgency = await service.call(GetRound, { id: roundId }, CALLERS.otherAgency);
    expect(byAgency).toMatchObject({ capCount: null, tieAtCap: [] });
    expect(byAgency.centers.find((c) => c.centerId === ids.b)).toMatchObject({ total: 95 });
    expect(
      await refusal(service.call(PublishRound, { id: roundId, version: grading.version }, CALLERS.dst)),
    ).toMatchObject({
      code: 'rule_violation',
    });
    const noReason = service.call(
      GradeRound,
      {
        id: roundId,
        version: grading.version,
        overrides: [{ centerId: ids.c as string, grade: 'basic_pass', reason: ' ' }],
      },
      CALLERS.dst,
    );
    expect(await refusal(noReason)).toMatchObject({ code: 'rule_violation', rule: 'A30-grade-override' });
    const declinedOutcome = service.call(
      GradeRound,
      {
        id: roundId,
        version: grading.version,
        tieBreak: [ids.b, ids.a] as string[],
        preparationOutcomes: [{ centerId: ids.p as string, outcome: 'operating', reason: '筹建任务完成' }],
      },
      CALLERS.dst,
    );
    const outcomeRefused = await refusal(declinedOutcome);
    expect(outcomeRefused).toMatchObject({
      code: 'rule_violation',
      reason: 'round.outcome_not_submitted',
      article: '第十二条',
    });
    expect(outcomeRefused.detail?.en).toContain(`preparationOutcomes[0].centerId: the preparing center ${ids.p}`);

    const graded = await service.call(
      GradeRound,
      {
        id: roundId,
        version: grading.version,
        tieBreak: [ids.b, ids.a] as string[],
        overrides: [{ centerId: ids.c as string, grade: 'basic_pass', reason: '现场考察发现经费管理问题' }],
        preparationOutcomes: [{ centerId: ids.e as string, outcome: 'operating', reason: '筹建任务完成' }],
      },
      CALLERS.dst,
    );
    expect(
      await refusal(service.call(GradeRound, { id: roundId, version: grading.version }, CALLERS.dst)),
    ).toMatchObject({
      code: 'stale_version',
    });
    const grades = Object.fromEntries(graded.centers.map((c) => [c.centerId, c.grade]));
    expect(grades).toMatchObject({
      [ids.b as string]: 'excellent',
      [ids.a as string]: 'good',
      [ids.c as string]: 'basic_pass',
      [ids.e as string]: 'basic_pass',
    });
    expect(await assignment(ids.c as string)).toMatchObject({
      grade: 'basic_pass',
      overrideReason: '现场考察发现经费管理问题',
      report: '评估报告',
    });
    expect(await assignment(ids.c as string, units.c)).toMatchObject({
      total: null,
      grade: null,
      overrideReason: null,
      scores: [],
      report: null,
    });
  });

  it('A30: publication announces the grades, with their events, the public list and DST’s statistics', async () => {
    expect(
      await refusal(service.call(PublishRound, { id: roundId, version: (await round()).version }, CALLERS.agency)),
    ).toMatchObject({
      code: 'forbidden',
    });
    const published = await service.call(PublishRound, { id: roundId, version: (await round()).version }, CALLERS.dst);
    expect(published.status).toBe('published');
    // Published: the center's own units see its total and grade, still not the other centers'.
    expect(await assignment(ids.b as string, units.b)).toMatchObject({ total: 95, grade: 'excellent' });
    const byUnit = await service.call(GetRound, { id: roundId }, units.c);
    expect(byUnit.centers).toEqual([
      expect.objectContaining({
        centerId: ids.c,
        total: 80,
        grade: 'basic_pass',
        overrideReason: '现场考察发现经费管理问题',
      }),
    ]);
    const graded = await outbox('tic.evaluation.graded');
    expect(graded.map((e) => [e.centerId, e.grade]).sort()).toEqual(
      [
        [ids.a, 'good'],
        [ids.b, 'excellent'],
        [ids.c, 'basic_pass'],
        [ids.e, 'basic_pass'],
      ].sort(),
    );
    expect((await outbox('tic.evaluation.policy_support_proposed')).map((e) => e.centerId)).toEqual([ids.b]);
    expect(await outbox('tic.evaluation.preparation_concluded')).toEqual([
      expect.objectContaining({ centerId: ids.e, outcome: 'operating', reason: '筹建任务完成' }),
    ]);
    // The centers that did not take part keep the cycle that started at their approval.
    const cycles = await service.sql(
      "select subject_id from evaluations.deadline where kind = 'D-evaluation-cycle' and state = 'pending' and start_on = ?",
      [today()],
    );
    expect(cycles.map((r) => r.subject_id).sort()).toEqual([ids.a, ids.b, ids.c, ids.e].sort());

    const announced = await service.call(PublicRoundResult, { id: roundId });
    expect(announced.results).toContainEqual({ centerName: '乙中心', grade: 'excellent' });
    expect(announced.results).toHaveLength(4);
    // The results only: the round's random id may itself contain "95".
    expect(JSON.stringify(announced.results)).not.toContain('95');

    const stats = await service.call(RoundStatistics, { year: 2026 }, CALLERS.dst);
    expect(stats.rows).toContainEqual({ year: 2026, city: '大连市', field: '智能制造', grade: 'excellent', count: 1 });
    expect(await refusal(service.call(RoundStatistics, {}, CALLERS.recommender))).toMatchObject({ code: 'forbidden' });
  });

  it('A28–A30: DST downloads the round’s scores per center and indicator, with totals and grades', async () => {
    const file = await service.call(ExportRoundScores, { id: roundId }, CALLERS.dst);
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.contentBase64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.getWorksheet('评估得分');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['中心名称', '状态', '行业共性关键技术突破（15）', '总分', '等次', '等次调整理由']),
    );
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = (sheet?.getSheetValues().slice(2) ?? []) as unknown[][];
    const pick = (center: string, ...names: string[]) => {
      const row = rows.find((r) => r[column('中心名称')] === center) ?? [];
      return names.map((n) => row[column(n)]);
    };
    expect(pick('乙中心', '总分', '等次')).toEqual([95, '优秀']);
    expect(pick('丙中心', '行业共性关键技术突破（15）', '总分', '等次', '等次调整理由')).toEqual([
      80,
      80,
      '基本合格',
      '现场考察发现经费管理问题',
    ]);
    expect(pick('丁中心', '状态')).toEqual(['拒绝参评']);
    expect(pick('庚中心', '状态')).toEqual(['拒绝参评']);
    expect(file.rows).toBe(7);
    expect(await refusal(service.call(ExportRoundScores, { id: roundId }, CALLERS.agency))).toMatchObject({
      code: 'forbidden',
    });
  });
});
