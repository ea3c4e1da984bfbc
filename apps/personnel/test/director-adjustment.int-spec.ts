import {
  CreateAppointment,
  EndAppointment,
  FileDirectorAppointment,
  GetCompliance,
  RecordCommitteeMeeting,
  RegisterPerson,
  SetCommittee,
} from '@tic/contracts';
import { eventually, readAllEvents } from '@tic/testing';

import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel } from './harness';

/** Issue 10, A15 (第十五条): who may direct a center, and the director's adjustment (调整) without a successor. */
describe('A15: the director’s employer, full-time employment and adjustment (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('director-adjustment');
  const register = (name: string, employerOrgId: string, fullTime?: boolean) =>
    service.rpc.request(
      RegisterPerson,
      { name, idNumber: newIdNumber(), employerOrgId, ...(fullTime === undefined ? {} : { fullTime }) },
      { caller: CALLERS.supporting },
    );
  const appointDirector = (
    platformId: string,
    personId: string,
    dates: { decidedOn: string; committeeReviewedOn: string },
    kind: 'fixed' | 'floating' = 'fixed',
  ) =>
    service
      .reviewDirector(platformId, dates.committeeReviewedOn)
      .then(() =>
        service.rpc.request(
          CreateAppointment,
          { platformId, personId, role: 'director', kind, startsOn: dates.decidedOn, ...dates },
          { caller: CALLERS.supporting },
        ),
      );

  it('A15, A10: a full-time employee of the construction unit is the supporting unit’s; a part-time one of the supporting unit is not', async () => {
    service.clock.set('2026-11-20');
    const center = await service.newCenter();
    const dates = { decidedOn: '2026-11-20', committeeReviewedOn: '2026-11-19' };
    const fromConstruction = await register('建设单位主任', ORGS.construction);
    const appointed = await appointDirector(center, fromConstruction.id, dates);
    expect(appointed.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A15-director',
        passed: true,
        details: { fromSupportingUnit: true, fullTime: true },
      }),
    );

    const partTime = await register('兼职主任', ORGS.supporting, false);
    expect(partTime.fullTime).toBe(false);
    const other = await service.newCenter();
    expect(await refusal(appointDirector(other, partTime.id, dates))).toMatchObject({
      code: 'rule_violation',
      rule: 'A15-director',
      article: '第十五条',
    });
  });

  it('A15: full-time is the person’s employment, not the post’s kind', async () => {
    service.clock.set('2026-11-20');
    const center = await service.newCenter();
    const fullTime = await register('全职主任', ORGS.supporting, true);
    const agreement = {
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      workingTime: '全时',
      tasks: '主持中心工作',
      documentRef: 'docs/agreements/director',
    };
    await service.reviewDirector(center, '2026-11-19');
    const floating = await service.rpc.request(
      CreateAppointment,
      {
        platformId: center,
        personId: fullTime.id,
        role: 'director',
        kind: 'floating',
        agreement,
        startsOn: '2026-11-20',
        decidedOn: '2026-11-20',
        committeeReviewedOn: '2026-11-19',
      },
      { caller: CALLERS.supporting },
    );
    expect(floating.findings).toContainEqual(expect.objectContaining({ rule: 'A15-director', passed: true }));
  });

  it.each([
    ['a meeting the committee recorded', true],
    ['a date with no recorded meeting or written review', false],
  ])('A15: a director reviewed on %s → appointed %s', async (_case, recorded) => {
    service.clock.set('2026-11-20');
    const center = await service.newCenter();
    const person = await register('审议主任', ORGS.supporting);
    if (recorded) await service.reviewDirector(center, '2026-11-16');
    else await service.reviewDirector(center, '2026-11-13');
    const attempt = service.rpc.request(
      CreateAppointment,
      {
        platformId: center,
        personId: person.id,
        role: 'director',
        kind: 'fixed',
        startsOn: '2026-11-20',
        decidedOn: '2026-11-20',
        committeeReviewedOn: '2026-11-16',
      },
      { caller: CALLERS.supporting },
    );
    if (recorded) await expect(attempt).resolves.toMatchObject({ status: 'active' });
    else
      expect(await refusal(attempt)).toMatchObject({
        code: 'rule_violation',
        reason: 'appointment.committee_review_not_recorded',
        article: '第十五条',
      });
  });

  it('A15: a written review by the management committee is a review; A16 counts only its meetings', async () => {
    service.clock.set('2026-11-20');
    const center = await service.newCenter();
    await service.rpc.request(
      SetCommittee,
      {
        centerId: center,
        kind: 'management',
        termStartsOn: '2026-01-01',
        termEndsOn: '2028-12-31',
        members: await service.committeeMembers([
          { name: '依托单位总经理', orgId: ORGS.supporting, isChair: true },
          { name: '共建单位副校长', orgId: ORGS.coBuilder },
        ]),
      },
      { caller: CALLERS.supporting },
    );
    const recorded = await service.rpc.request(
      RecordCommitteeMeeting,
      {
        centerId: center,
        kind: 'management',
        form: 'written_review',
        heldOn: '2026-11-18',
        attendees: 2,
        minutesRef: 'docs/reviews/director-2026',
      },
      { caller: CALLERS.supporting },
    );
    expect(recorded.meetings).toEqual([expect.objectContaining({ form: 'written_review', heldOn: '2026-11-18' })]);
    const person = await register('书面审议主任', ORGS.supporting);
    await expect(
      service.rpc.request(
        CreateAppointment,
        {
          platformId: center,
          personId: person.id,
          role: 'director',
          kind: 'fixed',
          startsOn: '2026-11-20',
          decidedOn: '2026-11-20',
          committeeReviewedOn: '2026-11-18',
        },
        { caller: CALLERS.supporting },
      ),
    ).resolves.toMatchObject({ status: 'active' });
    const compliance = await service.rpc.request(GetCompliance, { centerId: center }, { caller: CALLERS.dst });
    expect(compliance.findings).toContainEqual(expect.objectContaining({ rule: 'A16-meeting', passed: false }));
  });

  it.each([
    ['today', '2026-11-20', true],
    ['tomorrow', '2026-11-21', false],
  ])('A15: a decision dated %s (%s) → accepted %s', async (_case, decidedOn, accepted) => {
    service.clock.set('2026-11-20');
    const center = await service.newCenter();
    const person = await register('日期主任', ORGS.supporting);
    const attempt = appointDirector(center, person.id, { decidedOn, committeeReviewedOn: '2026-11-19' });
    if (accepted) await expect(attempt).resolves.toMatchObject({ status: 'active' });
    else
      expect(await refusal(attempt)).toMatchObject({
        code: 'invalid_input',
        errors: [{ path: 'decidedOn', message: expect.stringContaining('第十五条') as unknown }],
      });
  });

  it('A15: ending a director without a successor starts the 30-working-day filing and is filed as director_changed', async () => {
    service.clock.set('2026-11-02');
    const center = await service.newCenter();
    const person = await register('离任主任', ORGS.supporting);
    const director = await appointDirector(center, person.id, {
      decidedOn: '2026-11-02',
      committeeReviewedOn: '2026-10-30',
    });
    const end = (version: number, dates: { decidedOn?: string; committeeReviewedOn?: string }) =>
      service.rpc.request(
        EndAppointment,
        { id: director.id, version, endsOn: '2026-11-20', ...dates },
        { caller: CALLERS.supporting },
      );

    // The appointment's own filing comes first: two open filings of one post would blur which is late.
    service.clock.set('2026-11-20');
    expect(
      await refusal(end(director.version, { decidedOn: '2026-11-20', committeeReviewedOn: '2026-11-18' })),
    ).toMatchObject({
      code: 'conflict',
      reason: 'appointment.filing_open',
      article: '第十五条',
    });
    const filed = await service.rpc.request(
      FileDirectorAppointment,
      { id: director.id, version: director.version, filedOn: '2026-11-10' },
      { caller: CALLERS.supporting },
    );

    expect(await refusal(end(filed.version, {}))).toMatchObject({
      code: 'invalid_input',
      errors: [
        expect.objectContaining({ path: 'decidedOn' }),
        expect.objectContaining({ path: 'committeeReviewedOn' }),
      ] as unknown,
    });
    expect(
      await refusal(end(filed.version, { decidedOn: '2026-11-18', committeeReviewedOn: '2026-11-19' })),
    ).toMatchObject({
      errors: [expect.objectContaining({ path: 'committeeReviewedOn' })] as unknown,
    });

    // A15: the review is one the committee recorded; a date the unit only states is refused.
    expect(
      await refusal(end(filed.version, { decidedOn: '2026-11-18', committeeReviewedOn: '2026-11-18' })),
    ).toMatchObject({
      code: 'rule_violation',
      reason: 'appointment.committee_review_not_recorded',
      article: '第十五条',
    });
    await service.reviewDirector(center, '2026-11-18');
    const ended = await end(filed.version, { decidedOn: '2026-11-18', committeeReviewedOn: '2026-11-18' });
    // Wednesday 18 November 2026 + 30 working days (no holiday between): Wednesday 30 December 2026.
    expect(ended).toMatchObject({
      status: 'ended',
      directorFiling: {
        change: 'ended_without_successor',
        decidedOn: '2026-11-18',
        state: 'pending',
        dueOn: '2026-12-30',
      },
    });
    expect(
      (await service.rpc.request(GetCompliance, { centerId: center }, { caller: CALLERS.dst })).blocking,
    ).toContain('A15-director');

    await service.rpc.request(
      FileDirectorAppointment,
      { id: director.id, version: ended.version, filedOn: '2026-11-20' },
      { caller: CALLERS.supporting },
    );
    await eventually(async () => {
      const changes = (await readAllEvents(service.nats)).filter(
        (e) =>
          e.type === 'tic.personnel.director_changed' &&
          (e.data as { appointmentId: string }).appointmentId === director.id,
      );
      expect(changes.map((e) => e.data)).toEqual([
        expect.objectContaining({ change: 'appointed', directorName: '离任主任' }),
        expect.objectContaining({
          change: 'ended_without_successor',
          directorName: '离任主任',
          decidedOn: '2026-11-18',
          filedOn: '2026-11-20',
          filedWithinPeriod: true,
        }),
      ]);
    });
  });
});
