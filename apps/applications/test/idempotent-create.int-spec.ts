import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { CreateApplication, OpenCall } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { IdempotencyRecord, IdempotencyRetention, type RpcClient } from '@tic/platform';
import { refusal } from '@tic/testing';

import { CALLERS, eligibleForm, rpcClient, startInfrastructure, startService, type Infrastructure } from './harness';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('a create retried with the same Idempotency-Key (applications service on real Postgres, NATS)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;

  beforeAll(async () => {
    infra = await startInfrastructure('idempotent-create');
    app = await startService(infra.config);
    rpc = rpcClient(infra.nats);
  }, 90_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  const applicationsOfCall = async (callId: string): Promise<string[]> => {
    const rows = await app
      .get(EntityManager)
      .fork()
      .execute<{ id: string }[]>('select id from applications.application where call_id = ? order by id', [callId]);
    return rows.map((row) => row.id);
  };

  it('answers the retry with the first application and keeps one row; the key with another body is refused', async () => {
    const call = await rpc.request(
      OpenCall,
      { year: 2027, title: '2027年度重试申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
      { caller: CALLERS.dst },
    );
    const input = { ...eligibleForm(), callId: call.id };
    const idempotencyKey = `create-${randomUUID()}`;

    const first = await rpc.request(CreateApplication, input, { caller: CALLERS.construction, idempotencyKey });
    // The first attempt has committed; the client did not see the answer and sends the same request again.
    const retry = await rpc.request(CreateApplication, input, { caller: CALLERS.construction, idempotencyKey });

    expect(retry).toEqual(first);
    expect(await applicationsOfCall(call.id)).toEqual([first.id]);

    const reused = await refusal(
      rpc.request(CreateApplication, { ...input, areaM2: 4000 }, { caller: CALLERS.construction, idempotencyKey }),
    );
    expect(reused).toMatchObject({
      code: 'conflict',
      reason: 'idempotency.key_reused',
      errors: [expect.objectContaining({ path: 'Idempotency-Key' })],
    });
    expect(await applicationsOfCall(call.id)).toEqual([first.id]);

    // Another key is another request: a second draft.
    const second = await rpc.request(CreateApplication, input, {
      caller: CALLERS.construction,
      idempotencyKey: `create-${randomUUID()}`,
    });
    expect(second.id).not.toBe(first.id);
    expect(await applicationsOfCall(call.id)).toHaveLength(2);
  });

  it('forgets a key after the retention period: the same request with it is then a new command', async () => {
    const call = await rpc.request(
      OpenCall,
      { year: 2028, title: '2028年度重试申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
      { caller: CALLERS.dst },
    );
    const input = { ...eligibleForm(), callId: call.id };
    const idempotencyKey = `create-${randomUUID()}`;
    const first = await rpc.request(CreateApplication, input, { caller: CALLERS.construction, idempotencyKey });
    const { createdAt: keyTaken } = await app
      .get(EntityManager)
      .fork()
      .findOneOrFail(IdempotencyRecord, { callerId: CALLERS.construction.userId, key: idempotencyKey });
    const retention = app.get(IdempotencyRetention);

    // Six days on (the default period is seven) the key still answers with the first application.
    await retention.sweep(new Date(keyTaken.getTime() + 6 * 86_400_000));
    expect(await rpc.request(CreateApplication, input, { caller: CALLERS.construction, idempotencyKey })).toEqual(
      first,
    );

    await retention.sweep(new Date(keyTaken.getTime() + 7 * 86_400_000 + 1000));
    const later = await rpc.request(CreateApplication, input, { caller: CALLERS.construction, idempotencyKey });
    expect(later.id).not.toBe(first.id);
    expect(await applicationsOfCall(call.id)).toEqual([first.id, later.id].sort());
  });
});
