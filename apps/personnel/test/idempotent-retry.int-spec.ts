import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';

import { CreateAppointment, type RpcRequest } from '@tic/contracts';
import { testRpcClient } from '@tic/platform/testing';
import { eventually } from '@tic/testing';

import { CALLERS, refusal, runningPersonnel } from './harness';

describe('a command retried after the RPC timed out, with the same Idempotency-Key (real Postgres, NATS)', () => {
  const service = runningPersonnel('idempotent-retry');

  it('answers the retry with the first attempt’s result and makes one appointment; the key with another body is refused', async () => {
    const centerId = await service.newCenter();
    const person = await service.newPerson({ name: '重试研究员' });
    const input: RpcRequest<typeof CreateAppointment> = {
      platformId: centerId,
      personId: person.id,
      role: 'researcher',
      kind: 'fixed',
      startsOn: '2026-11-02',
    };
    const idempotencyKey = `retry-${randomUUID()}`;
    const impatient = testRpcClient(service.nats, { timeoutMs: 500 });

    // A slow database: the platform's row is held, so the command waits inside the service past the caller's timeout.
    const blocker = service.app.get(EntityManager).fork();
    await blocker.begin();
    try {
      await blocker.execute('select 1 from personnel.platform where id = ? for update', [centerId]);
      expect(
        (await refusal(impatient.request(CreateAppointment, input, { caller: CALLERS.supporting, idempotencyKey })))
          .code,
      ).toBe('unavailable');

      const retry = service.call(CreateAppointment, input, CALLERS.supporting, { idempotencyKey });
      // Both attempts are in the service now: the first waits for the row, the retry for the first's key.
      await eventually(async () => {
        const [waiting] = await service.sql(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        expect(waiting?.n).toBe(2);
      });
      await blocker.commit();

      const answer = await retry;
      const stored = await service.sql('select id from personnel.appointment where person_id = ? and platform_id = ?', [
        person.id,
        centerId,
      ]);
      expect(stored.map((row) => row.id)).toEqual([answer.id]);
      expect(answer).toMatchObject({ personId: person.id, platformId: centerId, status: 'active', version: 1 });
    } finally {
      if (blocker.isInTransaction()) await blocker.rollback();
      await impatient.onApplicationShutdown();
    }

    // Once more, long after: still the first answer, and still one appointment.
    const again = await service.call(CreateAppointment, input, CALLERS.supporting, { idempotencyKey });
    expect(
      (await service.sql('select count(*)::int as n from personnel.appointment where person_id = ?', [person.id]))[0]
        ?.n,
    ).toBe(1);
    const reused = await refusal(
      service.call(CreateAppointment, { ...input, role: 'technician' }, CALLERS.supporting, { idempotencyKey }),
    );
    expect(reused).toMatchObject({
      code: 'conflict',
      reason: 'idempotency.key_reused',
      errors: [expect.objectContaining({ path: 'Idempotency-Key' })],
    });
    // Without the key the same body is a new attempt, and the post it would make exists already.
    expect(again.id).toBe(
      (await service.sql('select id from personnel.appointment where person_id = ?', [person.id]))[0]?.id,
    );
    expect(await refusal(service.call(CreateAppointment, input, CALLERS.supporting))).toMatchObject({
      code: 'conflict',
      reason: 'appointment.already_holds_post',
    });
  });
});
