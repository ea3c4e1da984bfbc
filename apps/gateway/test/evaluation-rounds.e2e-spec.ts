import { randomUUID } from 'node:crypto';

import { CenterEstablished, createEvent, type AssignmentDto, type RoundDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { fullScores, session } from './matrix/owner-rounds';
import { FOREIGN_ORGS } from './matrix/worlds';
import { call, PlatformWorld } from './platform/platform-world';
import { ORGS, today, tokensFor, type Tokens } from './platform/journey';

// Redis database index reserved for this file.
const REDIS_DB = 3;

type Problem = { code?: string; article?: string; rule?: string };
const NAMES = ['甲', '乙', '丙', '丁', '戊'].map((n) => `辽宁省${n}评估旅程技术创新中心`);

/**
 * A28–A30 through the gateway: a round of five centers, two agencies, one center declining, grades with
 * the cap on excellent applied (a tie ordered by DST), the announcement read without a token; every step
 * refused to a role that may not take it, leaving the round as it was.
 */
describe('an evaluation round through the gateway (applications, personnel, evaluations as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  const agencies = { first: randomUUID(), second: randomUUID() };
  const token: Record<string, string> = {};
  const centers: string[] = [];
  let roundId = '';

  beforeAll(async () => {
    world = await PlatformWorld.start('evaluation-rounds', REDIS_DB);
    tokens = await tokensFor(world);
    token.first = await world.token('evaluator', agencies.first, 'rounds-agency-1');
    token.second = await world.token('evaluator', agencies.second, 'rounds-agency-2');
    token.committee = await world.token('committee_office', ORGS.committeeOffice);
    // The registry announces the centers as it does on approval; the round reads them from its directory.
    const established = NAMES.map((zh, i) => {
      const centerId = randomUUID();
      centers.push(centerId);
      const ownUnits = i === 4;
      return createEvent(CenterEstablished, {
        id: randomUUID(),
        subject: centerId,
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: {
          centerId,
          name: { zh, en: `Journey TIC ${i}` },
          applicationId: randomUUID(),
          field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
          track: 'formal',
          status: 'operating',
          supportingUnitId: ownUnits ? ORGS.supporting : FOREIGN_ORGS.supporting,
          coBuilderIds: [],
          constructionUnitId: ownUnits ? ORGS.construction : FOREIGN_ORGS.construction,
          recommenderId: ORGS.recommender,
          regionCode: '210102',
          establishedOn: addDays(today(), -800),
        },
      });
    });
    await publishEvents(world.nats, established);
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const round = async () =>
    (await call<RoundDto>(world, 'GET', `/evaluation-rounds/${roundId}`, { token: tokens.dst })).body;
  const assignment = (i: number, as = tokens.dst) =>
    call<AssignmentDto & Problem>(world, 'GET', `/evaluation-rounds/${roundId}/centers/${centers[i]}`, { token: as });
  const onCenter = async (i: number, as: string, step: string, body: Record<string, unknown>) => {
    const { version } = (await assignment(i)).body;
    return call<AssignmentDto & Problem>(world, 'POST', `/evaluation-rounds/${roundId}/centers/${centers[i]}/${step}`, {
      token: as,
      headers: { 'if-match': `W/"${version}"` },
      body,
    });
  };
  const onRound = async (as: string, step: string, body: Record<string, unknown> = {}) =>
    call<RoundDto & Problem>(world, 'POST', `/evaluation-rounds/${roundId}/${step}`, {
      token: as,
      headers: { 'if-match': `W/"${(await round()).version}"` },
      body,
    });
  const unchanged = async <T>(refused: () => Promise<{ status: number; body: Problem }>, read: () => Promise<T>) => {
    const before = await read();
    const reply = await refused();
    expect(await read()).toEqual(before);
    return { status: reply.status, code: reply.body.code };
  };
  const ROLE_REFUSED = { status: 403, code: 'auth.role_not_allowed' };

  it('A28: DST opens the round with the five centers due; a supporting unit may not', async () => {
    const body = {
      name: '2026年度技术创新中心评估',
      year: 2026,
      participateBy: addDays(today(), 30),
      thresholds: { excellent: 90, good: 75, basicPass: 60 },
      excellentCapShare: 0.25,
    };
    const refused = await call<Problem>(world, 'POST', '/evaluation-rounds', { token: tokens.supporting, body });
    expect({ status: refused.status, code: refused.body.code }).toEqual(ROLE_REFUSED);
    const opened = await eventually(async () => {
      const reply = await call<RoundDto>(world, 'POST', '/evaluation-rounds', { token: tokens.dst, body });
      if (reply.status !== 201 || reply.body.centers.length < 5)
        throw new Error(`${reply.status}: not every center yet`);
      return reply.body;
    }, 30_000);
    roundId = opened.id;
    expect(opened.centers.map((c) => c.centerId)).toEqual(expect.arrayContaining(centers));
  });

  it('A29: DST entrusts two agencies; an agency may not entrust, nor see or score another’s center', async () => {
    const entrust = (as: string, agencyOrgId: string, ids: string[]) =>
      call<Problem>(world, 'POST', `/evaluation-rounds/${roundId}/entrustments`, {
        token: as,
        body: { agencyOrgId, centerIds: ids },
      });
    expect(await unchanged(() => entrust(token.first ?? '', agencies.first, centers.slice(0, 2)), round)).toEqual(
      ROLE_REFUSED,
    );
    expect((await entrust(tokens.dst, agencies.first, centers.slice(0, 2))).status).toBe(200);
    expect((await entrust(tokens.dst, agencies.second, centers.slice(2))).status).toBe(200);

    expect((await assignment(0, token.second)).status).toBe(404);
    const stranger = () => onCenter(0, token.second ?? '', 'scores', { scores: fullScores(50) });
    expect(await unchanged(stranger, async () => (await assignment(0)).body)).toEqual({
      status: 404,
      code: 'round.not_found',
    });
  });

  it('A29, A31(四): the fifth center’s supporting unit declines (its construction unit may not); tic.evaluation.not_participated follows', async () => {
    const decline = (as: string) => onCenter(4, as, 'decline', { reason: '中心正在重组' });
    expect(
      await unchanged(
        () => decline(tokens.construction),
        async () => (await assignment(4)).body,
      ),
    ).toEqual(ROLE_REFUSED);
    const declined = await decline(tokens.supporting);
    expect({ status: declined.status, state: declined.body.status }).toEqual({ status: 200, state: 'declined' });
    await eventually(async () => {
      const events = (await readAllEvents(world.nats)).filter((e) => e.type === 'tic.evaluation.not_participated');
      expect(events.map((e) => (e.data as { centerId: string }).centerId)).toEqual([centers[4]]);
    }, 15_000);
  });

  it('A29: each agency scores its centers with evidence, the meeting review, the inspection and its report', async () => {
    const totals = [95, 95, 85, 70];
    for (const [i, total] of totals.entries()) {
      const agency = (i < 2 ? token.first : token.second) ?? '';
      const scored = await onCenter(i, agency, 'scores', {
        scores: fullScores(total),
        meetingReview: session,
        onSiteInspection: session,
        report: '书面评估报告',
      });
      expect(scored.status).toBe(200);
      const submitted = await onCenter(i, agency, 'submission', {});
      expect({ status: submitted.status, total: submitted.body.total }).toEqual({ status: 200, total });
    }
  });

  it('A30: DST grades with the cap on excellent (a tie it orders) and publishes; other roles are refused', async () => {
    expect(await unchanged(() => onRound(token.first ?? '', 'grading'), round)).toEqual(ROLE_REFUSED);
    const grading = await onRound(tokens.dst, 'grading');
    expect(grading.body).toMatchObject({ status: 'grading', capCount: 1 });
    expect([...grading.body.tieAtCap].sort()).toEqual([centers[0], centers[1]].sort());

    const order = { tieBreak: [centers[1], centers[0]] };
    expect(await unchanged(() => onRound(tokens.recommender, 'grades', order), round)).toEqual(ROLE_REFUSED);
    const graded = await onRound(tokens.dst, 'grades', order);
    const grades = Object.fromEntries(graded.body.centers.map((c) => [c.centerId, c.grade]));
    expect(grades).toEqual({
      [centers[0] ?? '']: 'good',
      [centers[1] ?? '']: 'excellent',
      [centers[2] ?? '']: 'good',
      [centers[3] ?? '']: 'basic_pass',
      [centers[4] ?? '']: null,
    });

    expect(await unchanged(() => onRound(token.committee ?? '', 'publication'), round)).toEqual(ROLE_REFUSED);
    expect((await onRound(tokens.dst, 'publication')).body.status).toBe('published');
  });

  it('A30 公告: anyone reads the names and grades without a token, and nothing else', async () => {
    const reply = await call<{ results: { centerName: string; grade: string }[] }>(
      world,
      'GET',
      `/public/evaluation-rounds/${roundId}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(4);
    expect(reply.body.results).toEqual(
      expect.arrayContaining([
        { centerName: NAMES[0], grade: 'good' },
        { centerName: NAMES[1], grade: 'excellent' },
        { centerName: NAMES[2], grade: 'good' },
        { centerName: NAMES[3], grade: 'basic_pass' },
      ]),
    );
    expect(JSON.stringify(reply.body)).not.toMatch(/total|score|agency/);
  });
});
