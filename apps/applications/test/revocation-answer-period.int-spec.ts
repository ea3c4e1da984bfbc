import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';

import {
  AnswerRevocation,
  ApproveApplication,
  type CenterDto,
  DecideRevocation,
  GetApplication,
  GetCenter,
  OpenRevocation,
  PublishNotice,
  type RevocationDto,
  SetRevocationAnswerBy,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadline, Deadlines, DeadlineReminder, ManualClock } from '@tic/deadlines';
import { bootstrapService, type RpcClient } from '@tic/platform';
import { eventually, readAllEvents, refusal } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

const evidence = [{ ref: '辽科核〔2026〕7号', description: '核查报告' }];

describe('A31, D-revocation-answer: the day to answer a case is a deadline DST sets and moves (real Postgres, NATS, Redis)', () => {
  const clock = new ManualClock(today());
  const start = clock.today();
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  let center: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('answer_period');
    app = await bootstrapService(AppModule.forRoot(infra.config, { clock }), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
    const formal = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造陈述期限集成', en: 'Intelligent Manufacturing Answer Period Integration' },
    });
    await rpc.request(
      PublishNotice,
      { title: '拟建辽宁省技术创新中心名单公示', applicationIds: [formal.id], startsOn: addDays(start, -10) },
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
    await app?.close();
    await infra?.stop();
  });

  const open = (grounds: number[], answerBy: string) =>
    rpc.request(
      OpenRevocation,
      { centerId: center.id, grounds, statement: '核查发现问题', evidence, answerBy },
      { caller: CALLERS.dst },
    );
  const deadlinesOf = (caseId: string) =>
    app
      .get(EntityManager)
      .fork()
      .find(Deadline, { subjectId: caseId, kind: 'D-revocation-answer' }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const eventsOf = async (deadlineIds: string[]) =>
    (await readAllEvents(infra.nats)).filter(
      (e) =>
        e.type.startsWith('tic.deadline.') &&
        deadlineIds.includes((e.data as { deadlineId?: string }).deadlineId ?? ''),
    );
  const setAnswerBy = (row: RevocationDto, answerBy: string) =>
    rpc.request(
      SetRevocationAnswerBy,
      { id: row.id, version: row.version, answerBy, reason: '依托单位申请延长陈述期限' },
      { caller: CALLERS.dst },
    );

  it('DST moves the day: the deadline moves; the answer completes it, so no overdue follows; an unanswered case is overdue', async () => {
    let moved = await open([6], addDays(start, 10));
    let [first] = await deadlinesOf(moved.id);
    expect(first).toMatchObject({ state: 'pending', startOn: start, dueOn: addDays(start, 10), provisional: false });

    // Only DST moves it, to a day not past.
    expect(
      await refusal(
        rpc.request(
          SetRevocationAnswerBy,
          { id: moved.id, version: moved.version, answerBy: addDays(start, 20) },
          { caller: CALLERS.supporting },
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(await refusal(setAnswerBy(moved, addDays(start, -1)))).toMatchObject({
      reason: 'revocation.answer_by_past',
      errors: [{ path: 'answerBy' }],
    });

    moved = await setAnswerBy(moved, addDays(start, 20));
    expect(moved).toMatchObject({ status: 'open', answerBy: addDays(start, 20) });
    expect(moved.history.at(-1)).toMatchObject({ action: 'set_answer_by', article: '第三十一条' });
    const rows = await deadlinesOf(moved.id);
    expect(rows.map((d) => [d.state, d.dueOn])).toEqual([
      ['cancelled', addDays(start, 10)],
      ['pending', addDays(start, 20)],
    ]);
    const current = rows[1] as Deadline;
    const reminders = await app
      .get(EntityManager)
      .fork()
      .find(DeadlineReminder, { deadlineId: current.id }, { orderBy: { daysBefore: 'desc' } });
    expect(reminders.map((r) => [r.daysBefore, r.remindOn])).toEqual([
      [7, addDays(start, 13)],
      [1, addDays(start, 19)],
    ]);

    // The unanswered case: a reminder, then overdue the day after its answerBy.
    const unanswered = await open([7], addDays(start, 5));
    [first] = await deadlinesOf(unanswered.id);
    clock.set(addDays(start, 4));
    await app.get(Deadlines).sweep();
    await eventually(
      async () => {
        expect(
          (await eventsOf([first!.id])).map((e) => [e.type, (e.data as { daysBefore?: number }).daysBefore]),
        ).toEqual([['tic.deadline.reminder', 1]]);
      },
      20_000,
      250,
    );

    // The units answer the moved case; DST decides it.
    moved = await rpc.request(
      AnswerRevocation,
      { id: moved.id, version: moved.version, statement: '相关情形已整改完毕，请予考虑。' },
      { caller: CALLERS.supporting },
    );
    expect((await deadlinesOf(moved.id)).map((d) => d.state)).toEqual(['cancelled', 'completed']);

    clock.set(addDays(start, 21));
    await app.get(Deadlines).sweep();
    expect((await deadlinesOf(moved.id)).map((d) => d.state)).toEqual(['cancelled', 'completed']);
    expect((await deadlinesOf(unanswered.id)).map((d) => d.state)).toEqual(['fired']);
    await eventually(
      async () => {
        const overdue = (await eventsOf([first!.id])).filter((e) => e.type === 'tic.deadline.overdue');
        expect(overdue.map((e) => e.data)).toEqual([
          expect.objectContaining({
            kind: 'D-revocation-answer',
            article: '第三十一条',
            subjectId: unanswered.id,
            dueOn: addDays(start, 5),
          }),
        ]);
      },
      20_000,
      250,
    );
    expect((await eventsOf(rows.map((d) => d.id))).map((e) => e.type)).not.toContain('tic.deadline.overdue');

    // A decided case keeps its day: moving it is refused, naming the article.
    moved = await rpc.request(
      DecideRevocation,
      { id: moved.id, version: moved.version, outcome: 'close', reason: '整改到位，不予撤销。' },
      { caller: CALLERS.dst },
    );
    expect(await refusal(setAnswerBy(moved, addDays(start, 40)))).toMatchObject({
      code: 'conflict',
      reason: 'revocation.not_open',
      article: '第三十一条',
    });
  }, 120_000);
});
