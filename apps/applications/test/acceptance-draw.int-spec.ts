import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';

import {
  ApproveApplication,
  type CenterDto,
  DrawExpertsForAcceptance,
  GetApplication,
  GetCenter,
  PublishNotice,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import { bootstrapService, type RpcClient } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import { refusal } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { seededShuffle } from '../src/reviews/seeded-shuffle';
import { DEMO_EXPERTS } from '../src/seed/demo-units';
import {
  CALLERS,
  CO_BUILDER_ID,
  rpcClient,
  startInfrastructure,
  SUPPORTING_UNIT_ID,
  type Infrastructure,
} from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

describe('A30: the experts of a rectification acceptance, drawn with the review’s 回避 (real Postgres, NATS)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  // The draw is an internal RPC: only the evaluations service's NATS user may ask it (users.conf).
  let evaluations: RpcClient;
  let center: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('acceptance-draw');
    app = await bootstrapService(AppModule.forRoot(infra.config), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
    evaluations = testRpcClient(infra.nats, { user: 'evaluations' });
    const formal = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造验收抽取集成', en: 'Intelligent Manufacturing Acceptance Draw Integration' },
    });
    await rpc.request(
      PublishNotice,
      { title: '拟建辽宁省技术创新中心名单公示', applicationIds: [formal.id], startsOn: addDays(today(), -10) },
      { caller: CALLERS.dst },
    );
    await app.get(Deadlines).sweep();
    const current = await rpc.request(GetApplication, { id: formal.id }, { caller: CALLERS.dst });
    const approved = await rpc.request(
      ApproveApplication,
      { id: formal.id, version: current.version, track: 'formal' },
      { caller: CALLERS.dst },
    );
    center = await rpc.request(GetCenter, { id: approved.centerId ?? '' }, { caller: CALLERS.dst });
  }, 180_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await evaluations?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  const draw = (caller: (typeof CALLERS)[keyof typeof CALLERS]) =>
    evaluations.request(
      DrawExpertsForAcceptance,
      { centerId: center.id, rectificationId: randomUUID(), count: 3 },
      { caller },
    );

  it('draws no expert of the center’s units, and the seed reproduces the draw over the eligible pool', async () => {
    const drawn = await draw(CALLERS.dst);
    const insiders = new Set([SUPPORTING_UNIT_ID, CO_BUILDER_ID, center.constructionUnitId]);
    expect(drawn.experts).toHaveLength(3);
    expect(drawn.experts.some((e) => insiders.has(e.orgId))).toBe(false);
    expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
    const eligible = DEMO_EXPERTS.filter((e) => !insiders.has(e.orgId))
      .map((e) => e.id)
      .sort();
    expect(drawn.pool).toEqual(seededShuffle(eligible, drawn.seed));
    expect(drawn.experts.map((e) => e.expertId)).toEqual(drawn.pool.slice(0, 3));
  });

  it('is DST’s: the center’s own units are refused, another unit does not see the center', async () => {
    expect(await refusal(draw(CALLERS.supporting))).toMatchObject({
      code: 'forbidden',
      reason: 'rectification.experts_drawn_by_dst',
      article: '第三十条',
    });
    expect(await refusal(draw(CALLERS.recommender))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(draw(CALLERS.otherConstruction))).toMatchObject({
      code: 'not_found',
      reason: 'center.not_found',
    });
  });
});
