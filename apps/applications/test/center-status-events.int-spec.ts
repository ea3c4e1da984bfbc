import { randomUUID } from 'node:crypto';

import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';

import {
  ApproveApplication,
  type CenterDto,
  createEvent,
  EvaluationPreparationConcluded,
  GetApplication,
  GetCenter,
  PublishNotice,
  RecordWaiver,
  RectificationAccepted,
  RectificationStarted,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadline, Deadlines } from '@tic/deadlines';
import { bootstrapService, HistoryEntry, InboxEntry, type RpcClient } from '@tic/platform';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

describe('A12, A30: the center status follows the evaluations service’s results (real Postgres, NATS, Redis)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  let operating: CenterDto;
  let toOperate: CenterDto;
  let toTerminate: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('center-status');
    app = await bootstrapService(AppModule.forRoot(infra.config), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
    const formal = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造整改集成', en: 'Intelligent Manufacturing Rectification Integration' },
    });
    const preparation = async (zh: string, en: string) => {
      const prep = await applicationAt(rpc, TO_SHORTLIST, { field: { zh, en }, requestedTrack: 'preparation' });
      return rpc.request(
        RecordWaiver,
        { id: prep.id, version: prep.version, rule: 'A12-relaxed', reason: '未来产业，先行筹建' },
        { caller: CALLERS.dst },
      );
    };
    const first = await preparation(
      '智能制造材料筹建集成',
      'Intelligent Manufacturing Materials Preparation Integration',
    );
    const second = await preparation(
      '智能制造传感筹建集成',
      'Intelligent Manufacturing Sensing Preparation Integration',
    );
    await rpc.request(
      PublishNotice,
      {
        title: '拟建辽宁省技术创新中心名单公示',
        applicationIds: [formal.id, first.id, second.id],
        startsOn: addDays(today(), -10),
      },
      { caller: CALLERS.dst },
    );
    await app.get(Deadlines).sweep();
    const approve = async (id: string, track: 'formal' | 'preparation') => {
      const current = await rpc.request(GetApplication, { id }, { caller: CALLERS.dst });
      const approved = await rpc.request(
        ApproveApplication,
        { id, version: current.version, track },
        { caller: CALLERS.dst },
      );
      return rpc.request(GetCenter, { id: approved.centerId ?? '' }, { caller: CALLERS.dst });
    };
    operating = await approve(formal.id, 'formal');
    toOperate = await approve(first.id, 'preparation');
    toTerminate = await approve(second.id, 'preparation');
  }, 180_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  const publish = (events: Parameters<typeof publishEvents>[1]) => publishEvents(infra.nats, events, 'evaluations');
  const envelope = (subject: string) => ({
    id: randomUUID(),
    subject,
    time: new Date().toISOString(),
    aggregateVersion: 1,
  });
  const statusOf = (id: string, status: string) =>
    eventually(
      async () => {
        const center = await rpc.request(GetCenter, { id }, { caller: CALLERS.dst });
        expect(center.status).toBe(status);
        return center;
      },
      20_000,
      200,
    );
  const movesOf = async (centerId: string) =>
    (await readAllEvents(infra.nats))
      .filter((e) => e.type === 'tic.center.status_changed' && e.subject === centerId)
      .map((e) => {
        const data = e.data as { from: string; to: string; action: string; article: string; actor: { role: string } };
        return { from: data.from, to: data.to, action: data.action, article: data.article, role: data.actor.role };
      });
  const historyOf = (centerId: string) =>
    app
      .get(EntityManager)
      .fork()
      .find(HistoryEntry, { aggregateType: 'center', aggregateId: centerId }, { orderBy: { at: 'asc' } });

  it('A30: a rectification puts the center under rectification once; a passed acceptance returns it to operation', async () => {
    const rectificationId = randomUUID();
    const started = {
      rectificationId,
      centerId: operating.id,
      evaluationId: randomUUID(),
      startedOn: today(),
      dueOn: addDays(today(), 365),
      dueOnProvisional: false,
    };
    // The second copy stands for a redelivery under a new event id: the center is already rectifying.
    await publish([
      createEvent(RectificationStarted, { ...envelope(rectificationId), data: started }),
      createEvent(RectificationStarted, { ...envelope(rectificationId), data: started }),
    ]);
    await statusOf(operating.id, 'rectifying');
    await eventually(async () => {
      expect(await movesOf(operating.id)).toEqual([
        { from: 'operating', to: 'rectifying', action: 'start_rectification', article: '第三十条', role: 'system' },
      ]);
    });

    // A31(二): a failed acceptance leaves the center rectifying (the revocation case decides what follows).
    await publish([
      createEvent(RectificationAccepted, {
        ...envelope(rectificationId),
        data: { rectificationId, centerId: operating.id, acceptedOn: today(), passed: false },
      }),
      createEvent(RectificationAccepted, {
        ...{ ...envelope(rectificationId), aggregateVersion: 2 },
        data: { rectificationId, centerId: operating.id, acceptedOn: today(), passed: true },
      }),
    ]);
    await statusOf(operating.id, 'operating');
    await eventually(async () => {
      expect((await movesOf(operating.id)).map((m) => `${m.from}→${m.to}`)).toEqual([
        'operating→rectifying',
        'rectifying→operating',
      ]);
    });
    const history = await historyOf(operating.id);
    expect(history.slice(-2).map((h) => [h.action, h.fromStatus, h.toStatus, h.actorRole, h.article])).toEqual([
      ['start_rectification', 'operating', 'rectifying', 'system', '第三十条'],
      ['accept_rectification', 'rectifying', 'operating', 'system', '第三十条'],
    ]);
  });

  it('A12: the preparation evaluation moves a center in preparation into operation or ends it; the D-preparation deadline is completed', async () => {
    const concluded = (centerId: string, outcome: 'operating' | 'terminated', reason: string) =>
      createEvent(EvaluationPreparationConcluded, {
        ...envelope(randomUUID()),
        data: {
          evaluationId: randomUUID(),
          roundId: randomUUID(),
          centerId,
          outcome,
          score: outcome === 'operating' ? 82 : 51,
          grade: outcome === 'operating' ? 'good' : 'fail',
          reason,
          decidedOn: today(),
        },
      });
    await publish([
      concluded(toOperate.id, 'operating', '筹建期评估符合建设条件'),
      concluded(toTerminate.id, 'terminated', '筹建期评估不符合建设条件'),
    ]);
    await statusOf(toOperate.id, 'operating');
    await statusOf(toTerminate.id, 'terminated');
    const deadlines = await app
      .get(EntityManager)
      .fork()
      .find(Deadline, { subjectId: { $in: [toOperate.id, toTerminate.id] }, kind: 'D-preparation' });
    expect(deadlines.map((d) => d.state)).toEqual(['completed', 'completed']);
    await eventually(async () => {
      expect(await movesOf(toTerminate.id)).toEqual([
        {
          from: 'preparing',
          to: 'terminated',
          action: 'terminate_preparation',
          article: '第十二条第二款',
          role: 'system',
        },
      ]);
    });
    const [last] = (await historyOf(toTerminate.id)).slice(-1);
    expect(last).toMatchObject({ action: 'terminate_preparation', comment: '筹建期评估不符合建设条件' });

    // A result about a center no longer in preparation (a redelivery, or DST ended it already) changes nothing.
    const late = [
      concluded(toTerminate.id, 'operating', '重复投递'),
      concluded(toOperate.id, 'terminated', '重复投递'),
    ];
    await publish(late);
    await eventually(async () => {
      const applied = await app
        .get(EntityManager)
        .fork()
        .find(InboxEntry, {
          consumer: 'applications-center-status-evaluation',
          eventId: { $in: late.map((e) => e.id) },
        });
      expect(applied).toHaveLength(2);
    });
    expect((await rpc.request(GetCenter, { id: toOperate.id }, { caller: CALLERS.dst })).status).toBe('operating');
    expect((await rpc.request(GetCenter, { id: toTerminate.id }, { caller: CALLERS.dst })).status).toBe('terminated');
    expect(await movesOf(toOperate.id)).toHaveLength(1);
  });
});
