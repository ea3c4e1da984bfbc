import { randomUUID } from 'node:crypto';

import {
  type CenterDto,
  createEvent,
  EvaluationGraded,
  type RectificationDto,
  type RevocationDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, publishEvents } from '@tic/testing';

import { DEMO_EXPERTS } from '../../applications/dist/seed/demo-units';
import { FOREIGN_ORGS } from './matrix/worlds';
import { call, PlatformWorld } from './platform/platform-world';
import { approveOnceNoticeEnds, publishNotice, shortlisted, today, tokensFor, type Tokens } from './platform/journey';

// Redis database index reserved for this file.
const REDIS_DB = 4;

// Fields the demo expert pool covers, each named apart from the others (A37).
const PASSING = { zh: '智能制造整改旅程', en: 'Intelligent Manufacturing Rectification Journey' };
const FAILING = { zh: '海洋工程整改旅程', en: 'Ocean Engineering Rectification Journey' };

type Problem = { code?: string; article?: string };

describe('A30 rectification and its acceptance, A31(二) through the gateway (applications, personnel, evaluations as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let foreign: { construction: string; supporting: string; recommender: string };
  const centers: string[] = [];

  beforeAll(async () => {
    world = await PlatformWorld.start('rectification', REDIS_DB);
    tokens = await tokensFor(world);
    foreign = {
      construction: await world.token('construction_unit', FOREIGN_ORGS.construction),
      supporting: await world.token('supporting_unit', FOREIGN_ORGS.supporting),
      recommender: await world.token('recommender', FOREIGN_ORGS.recommender),
    };
    const applications = [await shortlisted(world, tokens, PASSING), await shortlisted(world, tokens, FAILING)];
    await publishNotice(
      world,
      tokens,
      applications.map((a) => a.id),
      addDays(today(), -10),
    );
    for (const application of applications) {
      centers.push((await approveOnceNoticeEnds(world, tokens, application)).centerId ?? '');
    }
    // The evaluation rounds are built apart: until they are, the grade is published as the evaluations
    // service would emit it (as its NATS user); the lead's whole-cycle test grades through real rounds.
    await publishEvents(
      world.nats,
      centers.map((centerId) =>
        createEvent(EvaluationGraded, {
          id: randomUUID(),
          subject: randomUUID(),
          time: new Date().toISOString(),
          aggregateVersion: 1,
          data: {
            evaluationId: randomUUID(),
            roundId: randomUUID(),
            centerId,
            score: 64,
            grade: 'basic_pass',
            gradedOn: today(),
          },
        }),
      ),
      'evaluations',
    );
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const centerStatus = (centerId: string, status: string) =>
    eventually(
      async () => {
        const center = await call<CenterDto>(world, 'GET', `/centers/${centerId}`, { token: tokens.dst });
        expect(center.body.status).toBe(status);
      },
      30_000,
      250,
    );
  const rectificationOf = (centerId: string) =>
    eventually(
      async () => {
        const page = await call<{ items: RectificationDto[] }>(world, 'GET', `/rectifications?centerId=${centerId}`, {
          token: tokens.dst,
        });
        expect(page.body.items).toHaveLength(1);
        return page.body.items[0] as RectificationDto;
      },
      30_000,
      250,
    );
  const send = (method: string, token: string, r: { id: string; version: number }, path: string, body: unknown) =>
    call<RectificationDto & Problem>(world, method, `/rectifications/${r.id}${path}`, {
      token,
      headers: { 'if-match': `W/"${r.version}"` },
      body,
    });
  const current = async (r: { id: string }) =>
    (await call<RectificationDto>(world, 'GET', `/rectifications/${r.id}`, { token: tokens.dst })).body;
  /** Refused with the status (and code), and the rectification unchanged. */
  const refused = async (attempt: Promise<{ status: number; body: Problem }>, status: number, r: RectificationDto) => {
    const reply = await attempt;
    expect(reply.status).toBe(status);
    expect(await current(r)).toMatchObject({ version: r.version, status: r.status });
    return reply.body;
  };
  const ok = async (attempt: Promise<{ status: number; body: RectificationDto & Problem }>) => {
    const reply = await attempt;
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const expertToken = (expertId: string) =>
    tokens.expert(DEMO_EXPERTS.find((e) => e.id === expertId)?.userId ?? 'unknown');

  /** A rectification through the units to DST's experts, each step refused to a role that may not take it. */
  const toExperts = async (centerId: string): Promise<RectificationDto> => {
    await centerStatus(centerId, 'rectifying');
    let r = await rectificationOf(centerId);
    const request = {
      rectified: '完善研发投入统计和成果转化制度，补齐管理委员会会议记录。',
      evidence: [{ ref: 'docs/rectification/report.pdf', description: '整改报告' }],
    };
    await refused(send('PUT', tokens.supporting, r, '/request', request), 403, r);
    await refused(send('PUT', foreign.construction, r, '/request', request), 404, r);
    r = await ok(send('PUT', tokens.construction, r, '/request', request));
    await refused(send('POST', foreign.supporting, r, '/transitions', { action: 'request_acceptance' }), 404, r);
    r = await ok(send('POST', tokens.construction, r, '/transitions', { action: 'request_acceptance' }));
    await refused(send('POST', tokens.recommender, r, '/transitions', { action: 'pass' }), 403, r);
    r = await ok(send('POST', tokens.supporting, r, '/transitions', { action: 'pass' }));
    await refused(send('POST', foreign.recommender, r, '/transitions', { action: 'pass' }), 404, r);
    await refused(send('POST', tokens.construction, r, '/transitions', { action: 'pass' }), 403, r);
    r = await ok(send('POST', tokens.recommender, r, '/transitions', { action: 'pass' }));
    expect(r.status).toBe('expert_acceptance');
    await refused(send('POST', tokens.supporting, r, '/experts', { count: 3 }), 403, r);
    r = await ok(send('POST', tokens.dst, r, '/experts', { count: 3 }));
    expect(r.draw?.experts).toHaveLength(3);
    expect(r.draw?.seed).toMatch(/^[0-9a-f]{32}$/);
    return r;
  };
  const scoreAll = async (r: RectificationDto, score: number): Promise<RectificationDto> => {
    await refused(
      call(world, 'POST', `/rectifications/${r.id}/scores`, { token: tokens.dst, body: { score, opinion: '意见' } }),
      403,
      r,
    );
    for (const e of r.draw?.experts ?? []) {
      const reply = await call(world, 'POST', `/rectifications/${r.id}/scores`, {
        token: await expertToken(e.expertId),
        body: { score, opinion: score >= 60 ? '整改措施到位' : '整改不到位' },
      });
      expect(reply.status).toBe(200);
    }
    return current(r);
  };

  it('A30: an accepted rectification returns the center to operation', async () => {
    const centerId = centers[0] ?? '';
    let r = await scoreAll(await toExperts(centerId), 81);
    await refused(send('POST', tokens.recommender, r, '/decision', { passed: true, reason: '整改到位' }), 403, r);
    r = await ok(send('POST', tokens.dst, r, '/decision', { passed: true, reason: '专家一致认为整改到位' }));
    expect(r).toMatchObject({ status: 'passed', decision: { passed: true, expertScores: [81, 81, 81] } });
    await centerStatus(centerId, 'operating');
  });

  it('A30, A31(二): a failed acceptance opens a revocation case on ground (2); the center stays under rectification', async () => {
    const centerId = centers[1] ?? '';
    let r = await scoreAll(await toExperts(centerId), 48);
    r = await ok(send('POST', tokens.dst, r, '/decision', { passed: false, reason: '研发投入未达整改承诺' }));
    expect(r.status).toBe('failed');
    await eventually(
      async () => {
        const cases = await call<{ items: RevocationDto[] }>(world, 'GET', `/revocations?centerId=${centerId}`, {
          token: tokens.dst,
        });
        expect(cases.body.items.map((c) => ({ grounds: c.grounds, status: c.status }))).toEqual([
          { grounds: [2], status: 'open' },
        ]);
      },
      30_000,
      250,
    );
    await centerStatus(centerId, 'rectifying');
  });
});
