import { CreateAnnualReport, GetAnnualReport, TransitionAnnualReport } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import { eventually, readAllEvents } from '@tic/testing';

import { statistics } from './annual-report-support';
import { fundingStandIn } from './funding-stand-in';
import { CALLERS, runningEvaluations } from './harness';

describe('A27, D-annual-report: reminders, overdue and the next year, with time moved by the test (real Postgres, NATS, Redis)', () => {
  const service = runningEvaluations('annual-report-deadline');
  // Submitting reads the report's funds section from the funding service (A27, A35).
  fundingStandIn(service);

  const deadlineRows = (centerId: string) =>
    service.sql(
      "select subject_id, start_on::text as start_on, due_on::text as due_on, state from evaluations.deadline where kind = 'D-annual-report' and center_id = ? order by start_on",
      [centerId],
    );
  const eventsOf = async (centerId: string) =>
    (await readAllEvents(service.nats)).filter(
      (e) =>
        (e.type.startsWith('tic.deadline.') || e.type.startsWith('tic.report.')) &&
        (e.data as { centerId?: string }).centerId === centerId,
    );

  it('schedules the first year when a center enters, reminds 30, 7 and 1 days before, tells tic.report.overdue once, and schedules the next year', async () => {
    service.clock.set('2025-06-01');
    const centerId = await service.newCenter({ establishedOn: '2025-05-20' });
    const rows = await eventually(async () => {
      const found = await deadlineRows(centerId);
      expect(found).toHaveLength(1);
      return found;
    });
    // 31 March 2026 is a Tuesday, a working day of the published 2026 schedule.
    expect(rows[0]).toMatchObject({ start_on: '2025-12-31', due_on: '2026-03-31', state: 'pending' });
    const dueOn = '2026-03-31';

    const deadlines = service.app.get(Deadlines);
    for (const day of [addDays(dueOn, -31), addDays(dueOn, -30), addDays(dueOn, -7), addDays(dueOn, -1), dueOn]) {
      service.clock.set(day);
      await deadlines.sweep();
      await deadlines.sweep();
    }
    await eventually(async () => {
      const reminders = (await eventsOf(centerId)).filter((e) => e.type === 'tic.deadline.reminder');
      expect(reminders.map((e) => (e.data as { daysBefore: number }).daysBefore)).toEqual([30, 7, 1]);
    });
    expect((await eventsOf(centerId)).filter((e) => e.type === 'tic.report.overdue')).toEqual([]);

    service.clock.set(addDays(dueOn, 1));
    await deadlines.sweep();
    await deadlines.sweep();
    const overdue = await eventually(async () => {
      const found = (await eventsOf(centerId)).filter((e) => e.type === 'tic.report.overdue');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(overdue).toMatchObject({
      subject: rows[0]?.subject_id,
      aggregateversion: 1,
      data: { centerId, reportYear: 2025, dueOn },
    });
    expect((await deadlineRows(centerId)).map((r) => [r.start_on, r.state])).toEqual([
      ['2025-12-31', 'fired'],
      ['2026-12-31', 'pending'],
    ]);

    // A late report is still taken; its events follow the overdue one on the same aggregate.
    const late = await service.call(
      CreateAnnualReport,
      { centerId, reportYear: 2025, statistics: statistics() },
      CALLERS.construction,
    );
    expect(late).toMatchObject({ id: rows[0]?.subject_id, due: { dueOn, state: 'fired' } });
    await service.call(
      TransitionAnnualReport,
      { id: late.id, version: late.version, action: 'submit' },
      CALLERS.construction,
    );
    await eventually(async () => {
      const ofReport = (await readAllEvents(service.nats)).filter((e) => e.subject === late.id);
      expect(ofReport.map((e) => [e.type, e.aggregateversion])).toEqual([
        ['tic.report.overdue', 1],
        ['tic.report.submitted', 2],
      ]);
    });
  });

  it('a report submitted in time completes its deadline: no overdue, and the next year is scheduled', async () => {
    service.clock.set('2026-01-05');
    const centerId = await service.newCenter({ establishedOn: '2025-09-01' });
    await eventually(async () => {
      expect(await deadlineRows(centerId)).toHaveLength(1);
    });
    const report = await service.call(
      CreateAnnualReport,
      { centerId, reportYear: 2025, statistics: statistics() },
      CALLERS.construction,
    );
    const submitted = await service.call(
      TransitionAnnualReport,
      { id: report.id, version: report.version, action: 'submit' },
      CALLERS.construction,
    );
    expect(submitted.due).toMatchObject({ dueOn: '2026-03-31', state: 'completed' });
    expect((await deadlineRows(centerId)).map((r) => [r.start_on, r.state])).toEqual([
      ['2025-12-31', 'completed'],
      ['2026-12-31', 'pending'],
    ]);

    service.clock.set('2026-04-02');
    await service.app.get(Deadlines).sweep();
    const read = await service.call(GetAnnualReport, { id: report.id }, CALLERS.recommender);
    expect(read.due?.state).toBe('completed');
    await eventually(async () => {
      const types = (await eventsOf(centerId)).map((e) => e.type);
      expect(types).toContain('tic.report.submitted');
    });
    expect((await eventsOf(centerId)).filter((e) => e.type === 'tic.report.overdue')).toEqual([]);
  });

  it('a center entering after its year fell due is first asked for the year to come', async () => {
    service.clock.set('2026-05-10');
    const centerId = await service.newCenter({ establishedOn: '2024-06-15' });
    await eventually(async () => {
      expect((await deadlineRows(centerId)).map((r) => r.start_on)).toEqual(['2026-12-31']);
    });
  });
});
