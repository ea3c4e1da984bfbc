import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';

import {
  ApproveApplication,
  GetApplication,
  GetCenter,
  LoadCalendarYear,
  PublishNotice,
  RecordWaiver,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadline, Deadlines, DeadlineReminder, ManualClock } from '@tic/deadlines';
import { bootstrapService, type RpcClient } from '@tic/platform';
import { eventually, readAllEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt } from './journey';

// A day whose year (2027) has no published schedule in the bundled calendar (the last is 2026).
const APPROVED_ON = '2026-11-29';

describe('A12 last paragraph: the one-year preparation (筹建) period is a deadline row (real Postgres, NATS, Redis)', () => {
  const clock = new ManualClock(APPROVED_ON);
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;

  beforeAll(async () => {
    infra = await startInfrastructure('preparation');
    app = await bootstrapService(AppModule.forRoot(infra.config, { clock }), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
  }, 90_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  const deadlineOf = (id: string) => app.get(EntityManager).fork().findOneOrFail(Deadline, { id });

  it('approval for preparation schedules it with reminders; loading 2027 recomputes it; passing it emits tic.center.preparation_overdue', async () => {
    const shortlisted = await applicationAt(
      rpc,
      ['submit', 'pass_supporting_review', 'recommend', 'pass_formal_review', 'shortlist'],
      { requestedTrack: 'preparation' },
    );
    await rpc.request(
      PublishNotice,
      { title: '筹建名单公示', applicationIds: [shortlisted.id], startsOn: addDays(APPROVED_ON, -10) },
      { caller: CALLERS.dst },
    );
    await app.get(Deadlines).sweep();
    let application = await rpc.request(GetApplication, { id: shortlisted.id }, { caller: CALLERS.dst });
    // A12 last paragraph: the relaxed standards of preparation are DST's to waive, with a reason.
    application = await rpc.request(
      RecordWaiver,
      { id: application.id, version: application.version, rule: 'A12-relaxed', reason: '未来产业，先行筹建' },
      { caller: CALLERS.dst },
    );
    application = await rpc.request(
      ApproveApplication,
      { id: application.id, version: application.version, track: 'preparation' },
      { caller: CALLERS.dst },
    );
    let center = await rpc.request(GetCenter, { id: application.centerId ?? '' }, { caller: CALLERS.dst });
    // 2027-11-29 is a Monday, computed on weekdays alone until 2027's schedule is loaded (DOMAIN.md §5).
    expect(center).toMatchObject({
      status: 'preparing',
      establishedOn: APPROVED_ON,
      preparationEndsOn: '2027-11-29',
      preparationEndsOnProvisional: true,
    });
    const em = app.get(EntityManager).fork();
    const [row] = await em.find(Deadline, { subjectId: center.id, kind: 'D-preparation' });
    expect(row).toMatchObject({ state: 'pending', startOn: APPROVED_ON, dueOn: '2027-11-29', centerId: center.id });
    const reminders = await em.find(DeadlineReminder, { deadlineId: row!.id }, { orderBy: { daysBefore: 'desc' } });
    expect(reminders.map((r) => [r.daysBefore, r.remindOn])).toEqual([
      [30, '2027-10-30'],
      [7, '2027-11-22'],
      [1, '2027-11-28'],
    ]);

    // DST loads 2027 (here with 29 November a holiday): the period now ends on the next working day.
    await rpc.request(
      LoadCalendarYear,
      { year: 2027, holidays: ['2027-01-01', '2027-11-29'], workdays: [] },
      { caller: CALLERS.dst },
    );
    // Every service recomputes on the calendar event, this one included.
    await eventually(
      async () => {
        center = await rpc.request(GetCenter, { id: center.id }, { caller: CALLERS.dst });
        expect(center).toMatchObject({ preparationEndsOn: '2027-11-30', preparationEndsOnProvisional: false });
      },
      20_000,
      250,
    );

    // Not overdue on its last day; overdue the day after, once, with the center's event.
    clock.set('2027-11-30');
    await app.get(Deadlines).sweep();
    expect((await deadlineOf(row!.id)).state).toBe('pending');
    clock.set('2027-12-01');
    await app.get(Deadlines).sweep();
    expect((await deadlineOf(row!.id)).state).toBe('fired');
    await eventually(
      async () => {
        const mine = (await readAllEvents(infra.nats)).filter((e) => e.subject === center.id);
        expect(mine.map((e) => e.type)).toContain('tic.center.preparation_overdue');
        expect(mine.find((e) => e.type === 'tic.center.preparation_overdue')?.data).toMatchObject({
          centerId: center.id,
          preparationStartedOn: APPROVED_ON,
          preparationEndedOn: '2027-11-30',
          deadlineId: row!.id,
        });
      },
      20_000,
      250,
    );
  }, 120_000);
});
