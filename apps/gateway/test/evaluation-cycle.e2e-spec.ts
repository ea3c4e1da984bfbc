import { randomUUID } from 'node:crypto';

import type {
  AnnualReportDto,
  AssignmentDto,
  CenterDto,
  RectificationDto,
  RevocationDto,
  RoundDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_EXPERTS } from '../../applications/dist/seed/demo-units';
import { reportStatistics } from './matrix/owner-reports';
import { fullScores, session } from './matrix/owner-rounds';
import { FOREIGN_ORGS } from './matrix/worlds';
import { ORGS, today, tokensFor, type Tokens } from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';

// Redis database index reserved for this file.
const REDIS_DB = 1;

type Problem = { code?: string; article?: string };
type Reply<T> = { status: number; body: T & Problem };
const ROLE_REFUSED = { status: 403, code: 'auth.role_not_allowed' };
const LETTERS = ['甲', '乙', '丙', '丁', '戊'];

/**
 * Issue 12's whole cycle through the public API, every service a process: five centers approved before the
 * platform (A40) are registered by DST; the first files its annual report on 2025 (A27); a round of the five
 * with two agencies, one center declining (A31(四) proposed), grades with the cap on excellent and a tie across
 * it that DST orders (A28–A30);
 * the two basic passes rectify, one accepted and one failed (a revocation case on A31(二)); and, a year on
 * by the evaluations service's clock, the reports on 2026 fall overdue (A31(三) proposed). Each step is
 * refused to a role that may not take it.
 */
describe('the evaluation cycle through the gateway (applications, personnel, evaluations as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  const foreign: Record<'construction' | 'supporting' | 'recommender', string> = {
    construction: '',
    supporting: '',
    recommender: '',
  };
  const agency = { first: randomUUID(), second: randomUUID() };
  const agencyToken: Record<'first' | 'second', string> = { first: '', second: '' };
  const centers: string[] = [];
  let round: RoundDto;

  beforeAll(async () => {
    world = await PlatformWorld.start('evaluation-cycle', REDIS_DB);
    tokens = await tokensFor(world);
    foreign.construction = await world.token('construction_unit', FOREIGN_ORGS.construction);
    foreign.supporting = await world.token('supporting_unit', FOREIGN_ORGS.supporting);
    foreign.recommender = await world.token('recommender', FOREIGN_ORGS.recommender);
    agencyToken.first = await world.token('evaluator', agency.first, 'cycle-agency-1');
    agencyToken.second = await world.token('evaluator', agency.second, 'cycle-agency-2');
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const get = async <T>(path: string, token = tokens.dst) => (await call<T>(world, 'GET', path, { token })).body;
  const send = <T>(method: string, path: string, token: string, body: unknown, version?: number): Promise<Reply<T>> =>
    call<T & Problem>(world, method, path, {
      token,
      body,
      ...(version === undefined ? {} : { headers: { 'if-match': `W/"${version}"` } }),
    });
  /** Refused as expected, and the resource read back unchanged. */
  const refusedUnchanged = async (attempt: () => Promise<Reply<unknown>>, readBack: () => Promise<unknown>) => {
    const before = await readBack();
    const reply = await attempt();
    expect(await readBack()).toEqual(before);
    return { status: reply.status, code: reply.body.code };
  };
  const casesOf = (centerId: string) =>
    get<{ items: RevocationDto[] }>(`/revocations?centerId=${centerId}&limit=50`).then((page) =>
      page.items.map((c) => ({ grounds: c.grounds, status: c.status })),
    );

  it('A40: DST registers five centers approved in 2024; no other role may', async () => {
    const body = (i: number) => ({
      field: { zh: `智能制造评估周期${LETTERS[i]}`, en: `Intelligent Manufacturing Evaluation Cycle ${i}` },
      track: 'formal',
      supportingUnitId: ORGS.supporting,
      constructionUnitId: ORGS.construction,
      coBuilderIds: [ORGS.coBuilder],
      approvedOn: '2024-05-20',
      approvalDocument: `辽科发〔2024〕${20 + i}号`,
    });
    const byUnit = await send<CenterDto>('POST', '/centers/existing', tokens.supporting, body(0));
    expect({ status: byUnit.status, code: byUnit.body.code }).toEqual(ROLE_REFUSED);
    for (const i of LETTERS.keys()) {
      const registered = await send<CenterDto>('POST', '/centers/existing', tokens.dst, body(i));
      expect(registered.status).toBe(201);
      expect(registered.body).toMatchObject({ status: 'operating', establishedOn: '2024-05-20', applicationId: null });
      centers.push(registered.body.id);
    }
  });

  it('A27: the first center’s report on 2025 goes through the chain to DST; the others may not move it', async () => {
    const created = await eventually(
      async () => {
        const reply = await send<AnnualReportDto>('POST', '/annual-reports', tokens.construction, {
          centerId: centers[0],
          reportYear: 2025,
          narrative: '中心2025年度运行情况',
          statistics: reportStatistics,
        });
        expect(reply.status).toBe(201);
        return reply.body;
      },
      30_000,
      250,
    );
    const move = (report: AnnualReportDto, token: string, action: string) =>
      send<AnnualReportDto>('POST', `/annual-reports/${report.id}/transitions`, token, { action }, report.version);
    const read = () => get<AnnualReportDto>(`/annual-reports/${created.id}`);
    expect(await refusedUnchanged(() => move(created, foreign.construction, 'submit'), read)).toEqual({
      status: 404,
      code: 'report.not_found',
    });
    expect(await refusedUnchanged(() => move(created, tokens.dst, 'submit'), read)).toMatchObject({ status: 403 });
    const submitted = (await move(created, tokens.construction, 'submit')).body;
    expect(await refusedUnchanged(() => move(submitted, foreign.supporting, 'pass'), read)).toMatchObject({
      status: 404,
    });
    const passed = (await move(submitted, tokens.supporting, 'pass')).body;
    expect(await refusedUnchanged(() => move(passed, tokens.supporting, 'file'), read)).toMatchObject({
      status: 403,
    });
    const filed = (await move(passed, tokens.recommender, 'file')).body;
    expect(filed).toMatchObject({ status: 'filed', filedOn: today(), reportYear: 2025 });
  });

  it('A28–A30: a round of the five, two agencies, one declining, the cap on excellent applied, published', async () => {
    const open = { name: '2026年度技术创新中心评估', year: 2026, participateBy: addDays(today(), 30) };
    const body = { ...open, thresholds: { excellent: 90, good: 75, basicPass: 60 }, excellentCapShare: 0.25 };
    expect(await send('POST', '/evaluation-rounds', tokens.recommender, body).then(codeOf)).toEqual(ROLE_REFUSED);
    round = await eventually(
      async () => {
        const reply = await send<RoundDto>('POST', '/evaluation-rounds', tokens.dst, body);
        expect(reply.status).toBe(201);
        // A28: due two years after their approval, the five are in the round of themselves.
        expect(reply.body.centers.map((c) => c.centerId).sort()).toEqual([...centers].sort());
        return reply.body;
      },
      30_000,
      500,
    );
    const readRound = () => get<RoundDto>(`/evaluation-rounds/${round.id}`);
    const entrust = (token: string, agencyOrgId: string, centerIds: string[]) =>
      send('POST', `/evaluation-rounds/${round.id}/entrustments`, token, { agencyOrgId, centerIds });
    expect(await refusedUnchanged(() => entrust(agencyToken.first, agency.first, centers), readRound)).toEqual(
      ROLE_REFUSED,
    );
    expect((await entrust(tokens.dst, agency.first, centers.slice(0, 3))).status).toBe(200);
    expect((await entrust(tokens.dst, agency.second, centers.slice(3))).status).toBe(200);

    const assignment = (i: number) => get<AssignmentDto>(`/evaluation-rounds/${round.id}/centers/${centers[i]}`);
    const onCenter = async (i: number, token: string, step: string, stepBody: Record<string, unknown>) =>
      send<AssignmentDto>(
        'POST',
        `/evaluation-rounds/${round.id}/centers/${centers[i]}/${step}`,
        token,
        stepBody,
        (await assignment(i)).version,
      );
    // A31(四): the fifth center's supporting unit declines; a unit of another center may not.
    const decline = (token: string) => onCenter(4, token, 'decline', { reason: '中心正在重组，申请不参加本轮评估' });
    expect(
      await refusedUnchanged(
        () => decline(foreign.supporting),
        () => assignment(4),
      ),
    ).toMatchObject({
      status: 404,
    });
    expect((await decline(tokens.supporting)).body.status).toBe('declined');

    // A29: each agency scores only its own centers.
    const work = { meetingReview: session, onSiteInspection: session, report: '书面评估报告' };
    expect(
      await refusedUnchanged(
        () => onCenter(0, agencyToken.second, 'scores', { scores: fullScores(50), ...work }),
        () => assignment(0),
      ),
    ).toMatchObject({ status: 404 });
    for (const [i, total] of [95, 95, 70, 65].entries()) {
      const token = i < 3 ? agencyToken.first : agencyToken.second;
      expect((await onCenter(i, token, 'scores', { scores: fullScores(total), ...work })).status).toBe(200);
      expect((await onCenter(i, token, 'submission', {})).body).toMatchObject({ status: 'submitted', total });
    }

    const onRound = async (token: string, step: string, stepBody: Record<string, unknown> = {}) =>
      send<RoundDto>('POST', `/evaluation-rounds/${round.id}/${step}`, token, stepBody, (await readRound()).version);
    expect(await refusedUnchanged(() => onRound(agencyToken.first, 'grading'), readRound)).toEqual(ROLE_REFUSED);
    // A30: a cap of a quarter of the four graded lets one excellent grade through, by rank; the first two
    // are tied across it, and DST orders them.
    const grading = (await onRound(tokens.dst, 'grading')).body;
    expect(grading).toMatchObject({ status: 'grading', capCount: 1 });
    expect([...grading.tieAtCap].sort()).toEqual([centers[0], centers[1]].sort());
    const order = { tieBreak: [centers[1], centers[0]] };
    expect(await refusedUnchanged(() => onRound(tokens.recommender, 'grades', order), readRound)).toEqual(ROLE_REFUSED);
    const graded = (await onRound(tokens.dst, 'grades', order)).body;
    expect(Object.fromEntries(graded.centers.map((c) => [c.centerId, c.grade]))).toEqual({
      [centers[0] ?? '']: 'good',
      [centers[1] ?? '']: 'excellent',
      [centers[2] ?? '']: 'basic_pass',
      [centers[3] ?? '']: 'basic_pass',
      [centers[4] ?? '']: null,
    });
    expect(await refusedUnchanged(() => onRound(tokens.supporting, 'publication'), readRound)).toEqual(ROLE_REFUSED);
    expect((await onRound(tokens.dst, 'publication')).body.status).toBe('published');

    // 公告: names and grades, without a token.
    const notice = await call<{ results: { centerName: string; grade: string }[] }>(
      world,
      'GET',
      `/public/evaluation-rounds/${round.id}`,
    );
    expect(notice.status).toBe(200);
    expect(notice.body.results.map((r) => r.grade).sort()).toEqual(['basic_pass', 'basic_pass', 'excellent', 'good']);
    expect(notice.body.results.every((r) => Object.keys(r).sort().join() === 'centerName,grade')).toBe(true);
    expect(JSON.stringify(notice.body)).not.toMatch(/total|score|agency/);

    await eventually(
      async () => {
        const events = await readAllEvents(world.nats);
        const about = (type: string) =>
          events.filter((e) => e.type === type).map((e) => (e.data as { centerId: string }).centerId);
        expect(about('tic.evaluation.graded').sort()).toEqual(centers.slice(0, 4).sort());
        expect(about('tic.evaluation.policy_support_proposed')).toEqual([centers[1]]);
        expect(about('tic.evaluation.not_participated')).toEqual([centers[4]]);
        // A31(四) is proposed to DST, who decides whether there was good reason.
        expect(await casesOf(centers[4] ?? '')).toEqual([{ grounds: [4], status: 'proposed' }]);
      },
      30_000,
      500,
    );
  });

  describe('A30: the two basic passes rectify', () => {
    const rectificationOf = (centerId: string) =>
      eventually(
        async () => {
          const page = await get<{ items: RectificationDto[] }>(`/rectifications?centerId=${centerId}`);
          expect(page.items).toHaveLength(1);
          const center = await get<CenterDto>(`/centers/${centerId}`);
          expect(center.status).toBe('rectifying');
          return page.items[0] as RectificationDto;
        },
        30_000,
        250,
      );
    const move = (r: RectificationDto, token: string, method: string, path: string, body: unknown) =>
      send<RectificationDto>(method, `/rectifications/${r.id}${path}`, token, body, r.version);
    const readBack = (r: RectificationDto) => () => get<RectificationDto>(`/rectifications/${r.id}`);

    /** The acceptance request through the units to DST's drawn experts, who score it. */
    async function accepted(centerId: string, score: number): Promise<RectificationDto> {
      let r = await rectificationOf(centerId);
      const request = {
        rectified: '完善研发投入统计和成果转化制度，补齐管理委员会会议记录。',
        evidence: [{ ref: 'docs/rectification/report.pdf', description: '整改报告' }],
      };
      expect(
        await refusedUnchanged(() => move(r, foreign.construction, 'PUT', '/request', request), readBack(r)),
      ).toMatchObject({
        status: 404,
      });
      r = (await move(r, tokens.construction, 'PUT', '/request', request)).body;
      r = (await move(r, tokens.construction, 'POST', '/transitions', { action: 'request_acceptance' })).body;
      expect(
        await refusedUnchanged(
          () => move(r, tokens.recommender, 'POST', '/transitions', { action: 'pass' }),
          readBack(r),
        ),
      ).toMatchObject({ status: 403 });
      r = (await move(r, tokens.supporting, 'POST', '/transitions', { action: 'pass' })).body;
      r = (await move(r, tokens.recommender, 'POST', '/transitions', { action: 'pass' })).body;
      expect(
        await refusedUnchanged(() => move(r, tokens.supporting, 'POST', '/experts', { count: 3 }), readBack(r)),
      ).toMatchObject({
        status: 403,
      });
      r = (await move(r, tokens.dst, 'POST', '/experts', { count: 3 })).body;
      for (const drawn of r.draw?.experts ?? []) {
        const userId = DEMO_EXPERTS.find((e) => e.id === drawn.expertId)?.userId ?? 'unknown';
        const scored = await send('POST', `/rectifications/${r.id}/scores`, await tokens.expert(userId), {
          score,
          opinion: score >= 60 ? '整改措施到位' : '整改不到位',
        });
        expect(scored.status).toBe(200);
      }
      return get<RectificationDto>(`/rectifications/${r.id}`);
    }

    it('one is accepted: the center is back in operation', async () => {
      const r = await accepted(centers[2] ?? '', 82);
      expect(
        await refusedUnchanged(
          () => move(r, tokens.recommender, 'POST', '/decision', { passed: true, reason: '到位' }),
          readBack(r),
        ),
      ).toMatchObject({
        status: 403,
      });
      const decided = (await move(r, tokens.dst, 'POST', '/decision', { passed: true, reason: '专家一致认为整改到位' }))
        .body;
      expect(decided).toMatchObject({ status: 'passed' });
      await eventually(
        async () => {
          expect((await get<CenterDto>(`/centers/${centers[2]}`)).status).toBe('operating');
        },
        30_000,
        250,
      );
    });

    it('one fails: a revocation case on A31(二) is opened, the center stays under rectification', async () => {
      const r = await accepted(centers[3] ?? '', 45);
      const decided = (
        await move(r, tokens.dst, 'POST', '/decision', { passed: false, reason: '研发投入未达整改承诺' })
      ).body;
      expect(decided).toMatchObject({ status: 'failed' });
      await eventually(
        async () => {
          expect(await casesOf(centers[3] ?? '')).toEqual([{ grounds: [2], status: 'open' }]);
        },
        30_000,
        250,
      );
      expect((await get<CenterDto>(`/centers/${centers[3]}`)).status).toBe('rectifying');
    });
  });

  it('A27, A31(三): when the evaluations service’s clock passes 31 March 2027, the reports on 2026 are overdue and proposed to DST', async () => {
    // The service's clock is moved, not waited for: a restart with the offset, its sweep every second.
    const offset = Math.round((Date.parse('2027-04-12') - Date.parse(today())) / 86_400_000);
    await world.evaluations?.stop();
    await world.startEvaluations({ CLOCK_OFFSET_DAYS: String(offset), DEADLINE_SWEEP_INTERVAL_MS: '1000' });
    await eventually(
      async () => {
        const overdue = (await readAllEvents(world.nats))
          .filter((e) => e.type === 'tic.report.overdue')
          .map((e) => e.data as { centerId: string; reportYear: number });
        expect(overdue.filter((o) => o.centerId === centers[0])).toEqual([
          expect.objectContaining({ centerId: centers[0], reportYear: 2026 }),
        ]);
        expect(await casesOf(centers[0] ?? '')).toEqual([{ grounds: [3], status: 'proposed' }]);
      },
      60_000,
      500,
    );
  });
});

function codeOf(reply: Reply<unknown>) {
  return { status: reply.status, code: reply.body.code };
}
