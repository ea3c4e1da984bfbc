import { CheckRoster, CreateAppointment, RegisterPerson, RegisterPlatform } from '@tic/contracts';
import type { Caller } from '@tic/platform';

import { UsageWindowRetention } from '../src/quotas/usage-window-retention';
import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel } from './harness';

const LINES_PER_DAY = 10;
const REGISTRATIONS_PER_DAY = 3;

/** Issue 9: the resident-ID oracle is a matter of volume, so each user has a daily quota kept in Postgres. */
describe('per-user daily quotas on roster checks and registrations (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('usage-quotas', {
    PERSONNEL_QUOTA_ROSTER_LINES_PER_DAY: String(LINES_PER_DAY),
    PERSONNEL_QUOTA_REGISTRATIONS_PER_DAY: String(REGISTRATIONS_PER_DAY),
    PERSONNEL_QUOTA_RETENTION_DAYS: '30',
  });
  let users = 0;
  /** A user of the supporting unit of its own, so that each test starts with a full quota. */
  const newUser = (): Caller => ({ ...CALLERS.supporting, userId: `quota-user-${(users += 1)}` });
  const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `员工${i + 1}`, idNumber: newIdNumber() }));
  const check = (platformId: string, n: number, caller: Caller) =>
    service.rpc.request(CheckRoster, { platformId, rows: lines(n) }, { caller });
  let platformId = '';

  beforeAll(async () => {
    platformId = (
      await service.rpc.request(
        RegisterPlatform,
        { name: '辽宁省配额测试重点实验室', kind: 'key_laboratory', supportingUnitId: ORGS.supporting },
        { caller: CALLERS.dst },
      )
    ).id;
  });

  it('counts roster lines per user and day: up to the limit, then 429 quota_exceeded until midnight in Shanghai', async () => {
    // 20:00 in Shanghai: four hours to the next window.
    service.clock.set(new Date('2026-11-30T12:00:00Z'));
    const user = newUser();
    expect((await check(platformId, 6, user)).checked).toBe(6);
    expect((await check(platformId, 4, user)).checked).toBe(4);
    const over = await refusal(check(platformId, 1, user));
    expect(over).toMatchObject({ code: 'quota_exceeded', retryAfterSeconds: 4 * 3600 });
    expect(over.reason).toBeUndefined();
    expect(over.detail?.en).toContain(String(LINES_PER_DAY));

    // Another user of the same unit has a quota of its own; the next day the first one has a new window.
    expect((await check(platformId, 10, newUser())).checked).toBe(10);
    service.clock.set(new Date('2026-11-30T16:00:00Z'));
    expect((await check(platformId, 10, user)).checked).toBe(10);

    const windows = await service.sql(
      `select to_char(day, 'YYYY-MM-DD') as day, used from personnel.usage_window
        where user_id = ? and quota = 'roster_lines' order by day`,
      [user.userId],
    );
    expect(windows).toEqual([
      { day: '2026-11-30', used: 10 },
      { day: '2026-12-01', used: 10 },
    ]);
  });

  it('refuses a batch larger than what is left whole, spending nothing, and one larger than the limit even on a fresh day', async () => {
    service.clock.set(new Date('2026-12-02T04:00:00Z'));
    const user = newUser();
    await refusal(check(platformId, LINES_PER_DAY + 1, user));
    expect((await check(platformId, 8, user)).checked).toBe(8);
    expect((await refusal(check(platformId, 3, user))).code).toBe('quota_exceeded');
    expect((await check(platformId, 2, user)).checked).toBe(2);
  });

  it('lets concurrent checks of one user spend no more than the limit together', async () => {
    service.clock.set(new Date('2026-12-03T04:00:00Z'));
    const user = newUser();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => check(platformId, 2, user)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LINES_PER_DAY / 2);
    const [row] = await service.sql(`select used from personnel.usage_window where user_id = ?`, [user.userId]);
    expect(row?.used).toBe(LINES_PER_DAY);
  });

  it('counts registrations, refused ones for a known number too, and appointments that name a person by number', async () => {
    service.clock.set(new Date('2026-12-04T04:00:00Z'));
    const user = newUser();
    const known = newIdNumber();
    const register = (idNumber: string) =>
      service.rpc.request(
        RegisterPerson,
        { name: '登记人员', idNumber, employerOrgId: ORGS.supporting },
        { caller: user },
      );
    await register(known);
    expect((await refusal(register(known))).reason).toBe('person.already_registered');
    const centerId = await service.newCenter();
    const appointed = await service.rpc.request(
      CreateAppointment,
      { platformId: centerId, idNumber: known, role: 'researcher', kind: 'fixed', startsOn: '2026-12-04' },
      { caller: user },
    );
    expect(appointed.personName).toBe('登记人员');

    const over = await refusal(register(newIdNumber()));
    expect(over).toMatchObject({ code: 'quota_exceeded', retryAfterSeconds: 12 * 3600 });
    const byNumber = await refusal(
      service.rpc.request(
        CreateAppointment,
        { platformId: centerId, idNumber: newIdNumber(), role: 'researcher', kind: 'fixed', startsOn: '2026-12-04' },
        { caller: user },
      ),
    );
    expect(byNumber.code).toBe('quota_exceeded');
    // Naming someone it already sees by id spends nothing.
    const seen = await service.newPerson({ name: '已见人员' }, newUser());
    await service.rpc.request(
      CreateAppointment,
      { platformId: centerId, personId: seen.id, role: 'researcher', kind: 'fixed', startsOn: '2026-12-04' },
      { caller: user },
    );
  });

  it('answers a registration retried with its Idempotency-Key again, without spending, when the quota is used up', async () => {
    service.clock.set(new Date('2026-12-05T04:00:00Z'));
    const user = newUser();
    const input = { name: '重试人员', idNumber: newIdNumber(), employerOrgId: ORGS.supporting };
    const idempotencyKey = `quota-retry-${user.userId}`;
    const first = await service.rpc.request(RegisterPerson, input, { caller: user, idempotencyKey });
    for (let i = 1; i < REGISTRATIONS_PER_DAY; i += 1) await service.newPerson({ name: `配额人员${i}` }, user);

    const retried = await service.rpc.request(RegisterPerson, input, { caller: user, idempotencyKey });
    expect(retried).toEqual(first);
    // Another key with the same body is a new registration: over the limit.
    const other = { caller: user, idempotencyKey: `${idempotencyKey}-other` };
    expect((await refusal(service.rpc.request(RegisterPerson, input, other))).code).toBe('quota_exceeded');
    const [row] = await service.sql(
      `select used from personnel.usage_window where user_id = ? and quota = 'registrations'`,
      [user.userId],
    );
    expect(row?.used).toBe(REGISTRATIONS_PER_DAY);
  });

  it('answers more concurrent appointments by number than the service has database connections', async () => {
    service.clock.set(new Date('2026-12-06T04:00:00Z'));
    const centerId = await service.newCenter();
    const numbers = await Promise.all(
      Array.from({ length: 14 }, async (_, i) => {
        const idNumber = newIdNumber();
        await service.newPerson({ name: `并发人员${i + 1}`, idNumber }, newUser());
        return idNumber;
      }),
    );
    // Each of these holds its transaction's connection and, in turn, the platform's lock (pool: 10).
    const appointed = await Promise.all(
      numbers.map((idNumber) =>
        service.rpc.request(
          CreateAppointment,
          { platformId: centerId, idNumber, role: 'researcher', kind: 'fixed', startsOn: '2026-12-06' },
          { caller: newUser() },
        ),
      ),
    );
    expect(appointed.map((a) => a.status)).toEqual(numbers.map(() => 'active'));
  });

  it('keeps a day’s windows for PERSONNEL_QUOTA_RETENTION_DAYS, then forgets them', async () => {
    service.clock.set(new Date('2026-12-05T04:00:00Z'));
    const user = newUser();
    await check(platformId, 1, user);
    service.clock.set(new Date('2026-12-20T04:00:00Z'));
    await check(platformId, 1, user);
    const days = () =>
      service.sql(
        `select to_char(day, 'YYYY-MM-DD') as day from personnel.usage_window where user_id = ? order by day`,
        [user.userId],
      );

    const retention = service.app.get(UsageWindowRetention);
    await retention.sweep(new Date('2027-01-03T00:00:00Z'));
    expect(await days()).toEqual([{ day: '2026-12-05' }, { day: '2026-12-20' }]);
    await retention.sweep(new Date('2027-01-05T00:00:00Z'));
    expect(await days()).toEqual([{ day: '2026-12-20' }]);
  });
});
