import { randomUUID } from 'node:crypto';

import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';

import {
  AnswerRevocation,
  ApproveApplication,
  type CenterDto,
  createEvent,
  DecideRevocation,
  DismissRevocation,
  EndPreparation,
  EvaluationGraded,
  EvaluationNotParticipated,
  GetApplication,
  GetCenter,
  ListRevocations,
  OpenRevocation,
  PublishNotice,
  RecordWaiver,
  RectificationAccepted,
  type RevocationDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadline, Deadlines } from '@tic/deadlines';
import { bootstrapService, type RpcClient } from '@tic/platform';
import { eventually, publishEvents, readAllEvents, refusal } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

const evidence = [{ ref: '辽科核〔2026〕3号', description: '核查报告' }];

describe('A31 revocation cases from the evaluations service’s events, and A12’s end of preparation (real Postgres, NATS, Redis)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  let operating: CenterDto;
  let preparing: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('revocations');
    app = await bootstrapService(AppModule.forRoot(infra.config), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
    const formal = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造撤销集成', en: 'Intelligent Manufacturing Revocation Integration' },
    });
    let prep = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造筹建集成', en: 'Intelligent Manufacturing Preparation Integration' },
      requestedTrack: 'preparation',
    });
    prep = await rpc.request(
      RecordWaiver,
      { id: prep.id, version: prep.version, rule: 'A12-relaxed', reason: '未来产业，先行筹建' },
      { caller: CALLERS.dst },
    );
    await rpc.request(
      PublishNotice,
      {
        title: '拟建辽宁省技术创新中心名单公示',
        applicationIds: [formal.id, prep.id],
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
    preparing = await approve(prep.id, 'preparation');
  }, 180_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  const publish = (events: Parameters<typeof publishEvents>[1]) => publishEvents(infra.nats, events, 'evaluations');
  const envelope = () => ({
    id: randomUUID(),
    subject: randomUUID(),
    time: new Date().toISOString(),
    aggregateVersion: 1,
  });
  const casesWith = (ground: number, count = 1) =>
    eventually(
      async () => {
        const page = await rpc.request(ListRevocations, { centerId: operating.id, limit: 50 }, { caller: CALLERS.dst });
        const found = page.items.filter((c) => c.grounds.includes(ground));
        expect(found).toHaveLength(count);
        return found[0] as RevocationDto;
      },
      20_000,
      200,
    );

  it('A31(一): a fail grade opens a case with 30 days to answer; another grade opens none', async () => {
    await publish([
      createEvent(EvaluationGraded, {
        ...envelope(),
        data: {
          evaluationId: randomUUID(),
          roundId: randomUUID(),
          centerId: operating.id,
          score: 81,
          grade: 'good',
          gradedOn: today(),
        },
      }),
      createEvent(EvaluationGraded, {
        ...envelope(),
        data: {
          evaluationId: randomUUID(),
          roundId: randomUUID(),
          centerId: operating.id,
          score: 42,
          grade: 'fail',
          gradedOn: today(),
        },
      }),
    ]);
    const opened = await casesWith(1);
    expect(opened).toMatchObject({
      status: 'open',
      origin: 'evaluation',
      openedOn: today(),
      answerBy: addDays(today(), 30),
      articles: ['第三十一条第（一）项'],
    });
    expect(opened.history).toEqual([expect.objectContaining({ action: 'open', role: 'system', to: 'open' })]);
    await eventually(async () => {
      const events = (await readAllEvents(infra.nats)).filter((e) => e.subject === opened.id);
      expect(events.map((e) => e.type)).toEqual(['tic.revocation.opened']);
    });
  });

  it('A31(二): a failed acceptance opens a case; revoking on it is refused while the center is not under rectification', async () => {
    await publish([
      createEvent(RectificationAccepted, {
        ...envelope(),
        data: { rectificationId: randomUUID(), centerId: operating.id, acceptedOn: today(), passed: false },
      }),
    ]);
    let opened = await casesWith(2);
    opened = await rpc.request(
      AnswerRevocation,
      { id: opened.id, version: opened.version, statement: '整改仍在进行' },
      { caller: CALLERS.supporting },
    );
    const refused = await refusal(
      rpc.request(
        DecideRevocation,
        { id: opened.id, version: opened.version, outcome: 'revoke', reason: '整改验收未通过' },
        { caller: CALLERS.dst },
      ),
    );
    expect(refused).toMatchObject({ code: 'rule_violation', rule: 'A31-revocation', article: '第三十一条' });
  });

  it('A31(四): not taking part is proposed; DST dismisses it for a good reason', async () => {
    await publish([
      createEvent(EvaluationNotParticipated, {
        ...envelope(),
        data: { roundId: randomUUID(), centerId: operating.id, dueOn: today() },
      }),
    ]);
    const proposed = await casesWith(4);
    expect(proposed).toMatchObject({ status: 'proposed', proposedOn: today(), answerBy: null });
    const dismissed = await rpc.request(
      DismissRevocation,
      { id: proposed.id, version: proposed.version, reason: '评估期间遭遇洪灾，理由正当' },
      { caller: CALLERS.dst },
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', decision: { outcome: 'dismiss', decidedOn: today() } });
  });

  it('A31: DST opens on grounds (6)–(9) only, with a day to answer that is not past', async () => {
    const open = (grounds: number[], answerBy: string) =>
      rpc.request(
        OpenRevocation,
        { centerId: operating.id, grounds, statement: '核查发现问题', evidence, answerBy },
        { caller: CALLERS.dst },
      );
    expect(await refusal(open([3], addDays(today(), 10)))).toMatchObject({
      reason: 'revocation.ground_not_dst',
      errors: [{ path: 'grounds' }],
    });
    expect(await refusal(open([6], addDays(today(), -1)))).toMatchObject({
      reason: 'revocation.answer_by_past',
      errors: [{ path: 'answerBy' }],
    });
    const refusedUnit = await refusal(
      rpc.request(
        OpenRevocation,
        { centerId: operating.id, grounds: [6], statement: '核查发现问题', evidence, answerBy: today() },
        { caller: CALLERS.supporting },
      ),
    );
    expect(refusedUnit).toMatchObject({ code: 'forbidden', reason: 'revocation.opened_by_dst' });
    expect(await open([6, 9], today())).toMatchObject({ status: 'open', grounds: [6, 9], origin: 'dst' });
  });

  it('A12: DST terminates a preparation; its D-preparation deadline is completed, so no overdue follows', async () => {
    const ended = await rpc.request(
      EndPreparation,
      {
        id: preparing.id,
        version: preparing.version,
        outcome: 'terminated',
        decidedOn: today(),
        reason: '筹建期评估不符合建设条件',
      },
      { caller: CALLERS.dst },
    );
    expect(ended.status).toBe('terminated');
    const [row] = await app
      .get(EntityManager)
      .fork()
      .find(Deadline, { subjectId: preparing.id, kind: 'D-preparation' });
    expect(row?.state).toBe('completed');
    // A center in operation has no preparation to end.
    const current = await rpc.request(GetCenter, { id: operating.id }, { caller: CALLERS.dst });
    expect(
      await refusal(
        rpc.request(
          EndPreparation,
          { id: operating.id, version: current.version, outcome: 'operating', decidedOn: today(), reason: '评估通过' },
          { caller: CALLERS.dst },
        ),
      ),
    ).toMatchObject({ code: 'conflict', reason: 'lifecycle.invalid_transition' });
  });
});
