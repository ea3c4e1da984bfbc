import { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import {
  CheckRoster,
  CreateAppointment,
  ImportPlatformRoster,
  ListAppointments,
  RegisterPerson,
  RegisterPlatform,
  RevealIdentityNumber,
} from '@tic/contracts';
import { ormConfig, type RpcClient, runMigrations } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import {
  createTestDatabase,
  eventually,
  freePort,
  readAllEvents,
  startNatsServer,
  startServiceProcess,
  type ServiceProcess,
  type TestDatabase,
  type TestNatsServer,
} from '@tic/testing';

import { PERSONNEL_ENTITIES } from '../src/entities';
import { CALLERS, newIdNumber, ORGS } from './harness';

/**
 * DOMAIN.md §6: a resident ID number is never logged, published or returned, except to DST on a
 * audited read. The service runs as a process logging at `trace`, and everything it prints and
 * publishes is searched for every number the test used.
 */
const DATABASE_PASSWORD = `pg-${randomBytes(6).toString('hex')}`;

describe('no log line, event or ordinary response carries a resident ID number (service as a process)', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;
  let service: ServiceProcess;
  let rpc: RpcClient;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase('privacy'), startNatsServer({ platformUsers: true })]);
    const orm = await MikroORM.init(
      ormConfig({
        databaseUrl: db.url,
        schema: 'personnel',
        entities: PERSONNEL_ENTITIES,
        migrationsPath: join(__dirname, '..', 'src', 'migrations'),
      }),
    );
    await runMigrations(orm, 'personnel');
    await orm.close();
    const port = await freePort();
    service = await startServiceProcess(
      'personnel',
      join(__dirname, '..', 'dist', 'main.js'),
      {
        // A password in the connection string (the test database trusts local connections, so any will do).
        DATABASE_URL: db.url.replace('postgres@', `postgres:${DATABASE_PASSWORD}@`),
        // And the NATS user's password in its URL, as a deployment may write it.
        NATS_URL: nats.url.replace('nats://', `nats://personnel:${nats.userEnv('personnel').NATS_PASSWORD}@`),
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'trace',
        TIC_DEV: '1',
      },
      port,
    );
    rpc = testRpcClient(nats);
  }, 90_000);

  afterAll(async () => {
    await rpc.onApplicationShutdown();
    await service.stop();
    await nats.stop();
    await db.drop();
  });

  it('keeps every number (and every password) out of logs, events and responses through registration, refusals, imports, roster checks and appointments', async () => {
    const numbers = Array.from({ length: 6 }, () => newIdNumber());
    const [fixedAtLab, appointee, rosterOnly, revealed, ...more] = numbers as [
      string,
      string,
      string,
      string,
      ...string[],
    ];
    const responses: unknown[] = [];
    const keep = async <T>(promise: Promise<T>): Promise<T> => {
      const value = await promise;
      responses.push(value);
      return value;
    };
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error('expected a refusal');
        },
        (error: unknown) => {
          responses.push(error);
        },
      );

    const lab = await keep(
      rpc.request(
        RegisterPlatform,
        { name: '辽宁省隐私测试重点实验室', kind: 'key_laboratory', supportingUnitId: ORGS.otherSupporting },
        { caller: CALLERS.dst },
      ),
    );
    await keep(
      rpc.request(
        ImportPlatformRoster,
        {
          platformId: lab.id,
          rows: [
            { name: '甲', idNumber: fixedAtLab, kind: 'fixed', role: 'researcher', startsOn: '2022-01-01' },
            {
              name: '乙',
              idNumber: `${fixedAtLab.slice(0, 17)}0`,
              kind: 'fixed',
              role: 'researcher',
              startsOn: 'someday',
            },
          ],
        },
        { caller: CALLERS.dst },
      ),
    );
    const otherLab = await keep(
      rpc.request(
        RegisterPlatform,
        { name: '辽宁省隐私测试工程研究中心', kind: 'engineering_research_center', supportingUnitId: ORGS.supporting },
        { caller: CALLERS.dst },
      ),
    );
    // Known from the import: refused, and the unit appoints them by the number below.
    await refused(
      rpc.request(
        RegisterPerson,
        { name: '甲', idNumber: fixedAtLab, employerOrgId: ORGS.supporting },
        { caller: CALLERS.supporting },
      ),
    );
    await keep(
      rpc.request(
        RegisterPerson,
        { name: '丙', idNumber: appointee, employerOrgId: ORGS.supporting },
        { caller: CALLERS.supporting },
      ),
    );
    await refused(
      rpc.request(
        RegisterPerson,
        {
          name: '丁',
          idNumber: `${appointee.slice(0, 17)}${appointee.endsWith('0') ? '1' : '0'}`,
          employerOrgId: ORGS.supporting,
        },
        { caller: CALLERS.supporting },
      ),
    );
    await refused(
      rpc.request(
        RegisterPerson,
        { name: '戊', idNumber: rosterOnly, employerOrgId: 'not-a-uuid' },
        { caller: CALLERS.supporting },
      ),
    );
    await keep(
      rpc.request(
        CheckRoster,
        {
          rows: [
            { name: '甲', idNumber: fixedAtLab, kind: 'fixed' },
            { name: '己', idNumber: rosterOnly, kind: 'fixed' },
            { name: '庚', idNumber: rosterOnly.slice(0, 16), kind: 'fixed' },
            ...more.map((n) => ({ name: '辛', idNumber: n, kind: 'fixed' as const })),
          ],
        },
        { caller: CALLERS.dst },
      ),
    );
    await keep(
      rpc.request(
        CreateAppointment,
        { platformId: otherLab.id, idNumber: fixedAtLab, role: 'researcher', kind: 'fixed', startsOn: '2026-11-02' },
        { caller: CALLERS.supporting },
      ),
    );
    await keep(rpc.request(ListAppointments, { limit: 50 }, { caller: CALLERS.dst }));
    const revealedPerson = await keep(
      rpc.request(
        RegisterPerson,
        { name: '壬', idNumber: revealed, employerOrgId: ORGS.supporting },
        { caller: CALLERS.supporting },
      ),
    );
    // The one response that carries a number: DST's audited read, kept out of the searched responses.
    expect(
      (
        await rpc.request(
          RevealIdentityNumber,
          { id: revealedPerson.id, reason: '核对查重结果' },
          { caller: CALLERS.dst },
        )
      ).idNumber,
    ).toBe(revealed);

    const events = await eventually(async () => {
      const all = await readAllEvents(nats);
      expect(all.map((e) => e.type)).toContain('tic.personnel.duplicate_found');
      return all;
    });
    await service.stop();
    const output = service.output();
    expect(output.length).toBeGreaterThan(1000);
    // Nor a credential: the service's NATS password (users.conf) and the database's.
    expect(output).toContain('connected to NATS');
    expect({ nats: output.includes(nats.userEnv('personnel').NATS_PASSWORD ?? '?') }).toEqual({ nats: false });
    expect({ postgres: output.includes(DATABASE_PASSWORD) }).toEqual({ postgres: false });
    const haystacks = { logs: output, events: JSON.stringify(events), responses: JSON.stringify(responses) };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const number of numbers) {
        // The number whole, and its birth date and sequence (the part masking hides).
        expect({ where, found: text.includes(number) || text.includes(number.slice(4, 14)) }).toEqual({
          where,
          found: false,
        });
      }
    }
  }, 60_000);
});
