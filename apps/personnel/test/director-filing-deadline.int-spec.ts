import { CreateAppointment, FileDirectorAppointment, GetAppointment, RegisterPerson } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import { eventually, readAllEvents } from '@tic/testing';

import { CALLERS, newIdNumber, ORGS, runningPersonnel } from './harness';

describe('A15: the director’s filing deadline, with time moved by the test (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('director-filing');

  it('reminds 7 and 1 days before the 30th working day, announces the overdue filing, and records a late filing as late', async () => {
    service.clock.set('2026-11-28');
    const centerId = await service.establishCenter();
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '何主任', idNumber: newIdNumber(), employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );
    await service.reviewDirector(centerId, '2026-11-26');
    const director = await service.rpc.request(
      CreateAppointment,
      {
        platformId: centerId,
        personId: person.id,
        role: 'director',
        kind: 'fixed',
        startsOn: '2026-11-27',
        decidedOn: '2026-11-27',
        committeeReviewedOn: '2026-11-26',
      },
      { caller: CALLERS.supporting },
    );
    // Friday 27 November 2026 + 30 working days: 8 January 2027, counting 1 January 2027 as a holiday —
    // a date in a year whose schedule is not loaded yet, so it is provisional.
    const dueOn = director.directorFiling?.dueOn ?? '';
    expect(director.directorFiling).toMatchObject({ state: 'pending', dueOnProvisional: true });
    expect(dueOn > '2027-01-01').toBe(true);

    const deadlines = service.app.get(Deadlines);
    const deadlineEvents = async () =>
      (await readAllEvents(service.nats)).filter(
        (e) => e.type.startsWith('tic.deadline.') && (e.data as { subjectId: string }).subjectId === director.id,
      );

    service.clock.set(addDays(dueOn, -8));
    await deadlines.sweep();
    expect(await deadlineEvents()).toEqual([]);

    service.clock.set(addDays(dueOn, -7));
    await deadlines.sweep();
    service.clock.set(addDays(dueOn, -1));
    await deadlines.sweep();
    await deadlines.sweep();
    service.clock.set(dueOn);
    await deadlines.sweep();
    // The relay publishes after each commit; the stream is read until both have arrived.
    await eventually(async () => {
      expect((await deadlineEvents()).map((e) => [e.type, (e.data as { daysBefore?: number }).daysBefore])).toEqual([
        ['tic.deadline.reminder', 7],
        ['tic.deadline.reminder', 1],
      ]);
    });
    expect(
      (await service.rpc.request(GetAppointment, { id: director.id }, { caller: CALLERS.supporting })).directorFiling
        ?.state,
    ).toBe('pending');

    service.clock.set(addDays(dueOn, 1));
    await deadlines.sweep();
    const events = await eventually(async () => {
      const all = await deadlineEvents();
      expect(all.map((e) => e.type)).toEqual([
        'tic.deadline.reminder',
        'tic.deadline.reminder',
        'tic.deadline.overdue',
      ]);
      return all;
    });
    expect(events[2]?.data).toMatchObject({ kind: 'D-director-filing', article: '第十五条', centerId, dueOn });
    const overdue = await service.rpc.request(GetAppointment, { id: director.id }, { caller: CALLERS.recommender });
    expect(overdue.directorFiling?.state).toBe('overdue');

    const filed = await service.rpc.request(
      FileDirectorAppointment,
      { id: overdue.id, version: overdue.version },
      { caller: CALLERS.supporting },
    );
    expect(filed.directorFiling).toMatchObject({
      state: 'filed',
      filedOn: addDays(dueOn, 1),
      filedWithinPeriod: false,
    });
    await eventually(async () => {
      const changed = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.personnel.director_changed');
      expect(changed.map((e) => e.data)).toEqual([
        expect.objectContaining({ appointmentId: director.id, directorName: '何主任', filedWithinPeriod: false }),
      ]);
    });
  });
});
