import { v4 as uuidv4 } from 'uuid';

import { CenterRevoked, CenterStatusChanged, createEvent, GetRound } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { CALLERS, runningEvaluations } from './harness';
import { openRound, scoreAndPublish } from './round-support';

const dst = { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' as const };
const at = (centerId: string, aggregateVersion: number) => ({
  id: uuidv4(),
  subject: centerId,
  time: new Date().toISOString(),
  aggregateVersion,
});
const name = { zh: '中心', en: 'center' };

describe('A28, D-evaluation-cycle: two years from approval or the last evaluation, with time moved by the test (real Postgres, NATS, Redis)', () => {
  const service = runningEvaluations('evaluation-cycle-deadline');

  const cycleRows = (centerId: string) =>
    service.sql(
      "select start_on::text as start_on, due_on::text as due_on, state from evaluations.deadline where kind = 'D-evaluation-cycle' and center_id = ? order by start_on",
      [centerId],
    );
  const cycleEvents = async (centerId: string, type: string) =>
    (await readAllEvents(service.nats)).filter(
      (e) =>
        e.type === type &&
        (e.data as { kind?: string; centerId?: string }).kind === 'D-evaluation-cycle' &&
        (e.data as { centerId?: string }).centerId === centerId,
    );
  const sweepOn = async (day: string) => {
    service.clock.set(day);
    await service.app.get(Deadlines).sweep();
    await service.app.get(Deadlines).sweep();
  };

  it('reminds 30 days before, tells DST once when no evaluation came, and a published round meets the period and starts the next', async () => {
    service.clock.set('2025-01-05');
    const late = await service.newCenter({ establishedOn: '2024-03-20', supportingUnitId: uuidv4() });
    const onTime = await service.newCenter({ establishedOn: '2024-12-20', supportingUnitId: uuidv4() });
    const [first] = await eventually(async () => {
      const rows = await cycleRows(late);
      expect(rows).toHaveLength(1);
      return rows;
    });
    // 20 March 2026 is a Friday, a working day of the published 2026 schedule.
    expect(first).toEqual({ start_on: '2024-03-20', due_on: '2026-03-20', state: 'pending' });
    // 20 December 2026 is a Sunday: the period ends on Monday the 21st.
    await eventually(async () => {
      expect(await cycleRows(onTime)).toEqual([{ start_on: '2024-12-20', due_on: '2026-12-21', state: 'pending' }]);
    });

    for (const day of [addDays('2026-03-20', -31), addDays('2026-03-20', -30), '2026-03-20']) await sweepOn(day);
    await eventually(async () => {
      const reminders = await cycleEvents(late, 'tic.deadline.reminder');
      expect(reminders.map((e) => (e.data as { daysBefore: number }).daysBefore)).toEqual([30]);
    });
    expect(await cycleEvents(late, 'tic.deadline.overdue')).toEqual([]);

    await sweepOn('2026-03-21');
    await sweepOn('2026-03-22');
    const overdue = await eventually(async () => {
      const found = await cycleEvents(late, 'tic.deadline.overdue');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(overdue?.data).toMatchObject({ article: '第二十八条', dueOn: '2026-03-20', subjectId: late });

    // A late round still evaluates the center; the period of the other one is met in time.
    service.clock.set('2026-11-25');
    const roundId = await openRound(service, { name: '2026年度评估', year: 2026, participateBy: '2026-12-31' });
    const opened = await service.call(GetRound, { id: roundId }, CALLERS.dst);
    expect(opened.centers.map((c) => c.centerId).sort()).toEqual([late, onTime].sort());
    await scoreAndPublish(service, roundId, CALLERS.agency, 80);

    expect((await cycleRows(late)).map((r) => [r.start_on, r.state])).toEqual([
      ['2024-03-20', 'fired'],
      ['2026-11-25', 'pending'],
    ]);
    expect((await cycleRows(onTime)).map((r) => [r.start_on, r.state])).toEqual([
      ['2024-12-20', 'completed'],
      ['2026-11-25', 'pending'],
    ]);
    await sweepOn('2026-12-30');
    expect(await cycleEvents(onTime, 'tic.deadline.overdue')).toEqual([]);
    expect(await cycleEvents(late, 'tic.deadline.overdue')).toHaveLength(1);
  });

  it('A31: a revoked center’s pending cycle is cancelled, and a redelivered establishment schedules nothing twice', async () => {
    service.clock.set('2026-06-01');
    const centerId = await service.newCenter({ establishedOn: '2026-05-20' });
    await eventually(async () => {
      expect((await cycleRows(centerId)).map((r) => [r.start_on, r.state])).toEqual([['2026-05-20', 'pending']]);
    });
    await service.newCenter({ centerId, establishedOn: '2026-05-20' });
    await publishEvents(service.nats, [
      createEvent(CenterRevoked, {
        ...at(centerId, 2),
        data: {
          centerId,
          name,
          ground: 5,
          grounds: [5],
          article: '第三十一条第（五）项',
          reason: '主动申请撤销',
          revokedOn: '2026-06-10',
          actor: dst,
        },
      }),
    ]);
    await eventually(async () => {
      expect((await cycleRows(centerId)).map((r) => [r.start_on, r.state])).toEqual([['2026-05-20', 'cancelled']]);
    });
    await sweepOn('2028-06-01');
    expect(await cycleEvents(centerId, 'tic.deadline.overdue')).toEqual([]);
  });

  it('A12, A28: a center in preparation starts its first cycle the day it becomes operating', async () => {
    service.clock.set('2026-01-15');
    const centerId = await service.newCenter({ status: 'preparing', establishedOn: '2026-01-10' });
    await publishEvents(service.nats, [
      createEvent(CenterStatusChanged, {
        ...at(centerId, 2),
        data: {
          centerId,
          name,
          from: 'preparing',
          to: 'operating',
          action: 'conclude_preparation',
          article: '第十二条',
          actor: dst,
          changedOn: '2026-12-15',
        },
      }),
    ]);
    // Events of one center come in order: had the establishment scheduled a row, it would be here too.
    await eventually(async () => {
      expect((await cycleRows(centerId)).map((r) => [r.start_on, r.state])).toEqual([['2026-12-15', 'pending']]);
    });
  });
});
