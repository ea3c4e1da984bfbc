import { join } from 'node:path';

import { RegisterExistingCenter, type CenterDto } from '@tic/contracts';
import { openOrm, type RpcClient } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import { eventually, freePort, readAllEvents, startServiceProcess, type ServiceProcess } from '@tic/testing';

import { CALLERS, startInfrastructure, type Infrastructure } from './harness';
import { DEMO_UNITS } from '../src/seed/demo-units';

const MAIN = join(__dirname, '..', 'dist', 'main.js');
const COMMANDS = 10;
const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)!.id;

jest.setTimeout(180_000);

describe('two replicas of the applications service, one SIGKILLed while commands are in flight (processes on real Postgres, NATS, Redis)', () => {
  let infra: Infrastructure;
  let orm: Awaited<ReturnType<typeof openOrm>>;
  let rpc: RpcClient;
  const replicas: ServiceProcess[] = [];

  const startReplica = async (n: number) => {
    const port = await freePort();
    return startServiceProcess(`applications#${n}`, MAIN, { ...infra.env, HTTP_PORT: String(port) }, port);
  };

  beforeAll(async () => {
    infra = await startInfrastructure('replica_crash');
    orm = await openOrm({ databaseUrl: infra.db.url, schema: 'applications', entities: [], migrationsPath: __dirname });
    replicas.push(...(await Promise.all([startReplica(1), startReplica(2)])));
    rpc = testRpcClient(infra.nats, { timeoutMs: 3000 });
  }, 120_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    for (const replica of replicas) await replica.stop();
    await orm?.close();
    await infra?.stop();
  });

  const query = <T extends object>(sql: string, params: unknown[] = []) =>
    orm.em.getConnection().execute<T[]>(sql, params);

  // A client that did not hear the answer sends the same command again, with the same key, until it does.
  const register = async (n: number): Promise<CenterDto> => {
    const input = {
      field: { zh: `副本崩溃${n}号领域`, en: `Replica Crash Field ${n}` },
      track: 'preparation' as const,
      supportingUnitId: unit('辽宁示范智能装备股份有限公司'),
      constructionUnitId: unit('辽宁示范智能装备股份有限公司中央研究院'),
      coBuilderIds: [],
      approvedOn: '2025-06-01',
      approvalDocument: `辽科发〔2025〕副本${n}号`,
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await rpc.request(RegisterExistingCenter, input, {
          caller: CALLERS.dst,
          idempotencyKey: `replica-crash-${n}`,
        });
      } catch (error) {
        if (attempt >= 20) throw error;
      }
    }
  };

  it('answers every command once, keeps one center each, and publishes each event once', async () => {
    const answers = Array.from({ length: COMMANDS }, (_, n) => register(n));
    // Mid-way: some commands answered, others on their way to (or inside) the replica that dies.
    await Promise.race(answers);
    await replicas[0]!.kill();
    const centers = await Promise.all(answers);

    const rows = await query<{ id: string }>(
      `select id from applications.center where approval_document like '辽科发〔2025〕副本%' order by id`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(centers.map((c) => c.id).sort());
    const deadlines = await query(
      `select 1 from applications.deadline where subject_id::text in (${centers.map(() => '?').join(', ')})`,
      centers.map((c) => c.id),
    );
    expect(deadlines).toHaveLength(COMMANDS);

    // The surviving replica's relay publishes what the killed one committed; JetStream holds each once.
    await eventually(async () => {
      expect(await query(`select 1 from applications.outbox_event where published_at is null`)).toEqual([]);
    }, 30_000);
    const journal = await query<{ event_id: string }>(
      `select event_id from applications.outbox_event where type = 'tic.center.established'`,
    );
    const established = (await readAllEvents(infra.nats, 5000)).filter((e) => e.type === 'tic.center.established');
    expect(established.map((e) => e.id).sort()).toEqual(journal.map((r) => r.event_id).sort());
    expect(new Set(established.map((e) => e.subject))).toEqual(new Set(centers.map((c) => c.id)));
    expect(established).toHaveLength(COMMANDS);
  });
});
