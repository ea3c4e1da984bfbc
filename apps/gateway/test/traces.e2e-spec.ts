import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import {
  createTestDatabase,
  eventually,
  freePort,
  startNatsServer,
  startRedisServer,
  startServiceProcess,
  type ServiceProcess,
  type TestDatabase,
  type TestNatsServer,
  type TestRedisServer,
} from '@tic/testing';

import { AUTHORITIES } from '../../applications/dist/seed/recommending-units';
import { mintDevToken } from '../src/auth/dev-token';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';

const APPS = join(__dirname, '..', '..');
const main = (app: string) => join(APPS, app, 'dist', 'main.js');
const SPAN_KIND = { server: 2, client: 3, producer: 4, consumer: 5 } as const;

/**
 * Issue 15: one HTTP command is one trace, from the gateway through NATS, the applications service
 * and its Postgres, to the event it recorded and the personnel service consuming it, as a collector
 * (here a local OTLP/HTTP receiver) receives it from the three processes; and the logs name it.
 */
describe('traces across the platform (OTLP)', () => {
  let receiver: OtlpReceiver;
  let db: TestDatabase;
  let nats: TestNatsServer;
  let redis: TestRedisServer;
  const processes: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let gatewayUrl: string;
  const keyDir = mkdtempSync(join(tmpdir(), 'tic-keys-'));

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    [db, nats, redis] = await Promise.all([
      createTestDatabase('traces'),
      startNatsServer({ platformUsers: true }),
      startRedisServer(),
    ]);
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Exported within a tenth of a second instead of every five: the test waits for spans, not a timer.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const serviceEnv = (service: 'applications' | 'personnel', port: number) => ({
      DATABASE_URL: db.url,
      ...nats.userEnv(service),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `traces-${randomBytes(4).toString('hex')}`,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'info',
      TIC_DEV: '1',
      ...tracing,
    });
    const cli = spawnSync(process.execPath, [join(APPS, 'applications', 'dist', 'cli', 'migrate.js')], {
      env: { ...process.env, ...serviceEnv('applications', 0) },
      encoding: 'utf8',
    });
    if (cli.status !== 0) throw new Error(`migrate failed: ${cli.stderr}${cli.stdout}`);
    const seed = spawnSync(process.execPath, [join(APPS, 'applications', 'dist', 'cli', 'seed.js')], {
      env: { ...process.env, ...serviceEnv('applications', 0) },
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}${seed.stdout}`);
    // The applications service first: it creates the event stream the personnel service looks up.
    const applicationsPort = await freePort();
    processes.push(
      await startServiceProcess(
        'applications',
        main('applications'),
        serviceEnv('applications', applicationsPort),
        applicationsPort,
      ),
    );
    const personnelPort = await freePort();
    processes.push(
      await startServiceProcess('personnel', main('personnel'), serviceEnv('personnel', personnelPort), personnelPort),
    );
    const gatewayPort = await freePort();
    gateway = await startServiceProcess(
      'gateway',
      main('gateway'),
      {
        PORT: String(gatewayPort),
        ...nats.userEnv('gateway'),
        REDIS_URL: redis.url,
        DEV_JWT_DIR: keyDir,
        SERVICES: 'applications,personnel',
        LOG_LEVEL: 'info',
        TIC_DEV: '1',
        ...tracing,
      },
      gatewayPort,
    );
    processes.push(gateway);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  }, 180_000);

  afterAll(async () => {
    for (const child of processes.reverse()) await child.stop();
    await Promise.all([nats?.stop(), redis?.close(), receiver?.stop()]);
    await db?.drop();
  }, 60_000);

  it('finds one trace with spans of the gateway, the applications service (with Postgres) and the personnel consumer', async () => {
    const clientTraceId = randomBytes(16).toString('hex');
    const clientTraceparent = `00-${clientTraceId}-${randomBytes(8).toString('hex')}-01`;
    const token = await mintDevToken(
      { sub: 'dst-admin', name: '科技厅管理员', role: 'dst_admin', org: AUTHORITIES.dst.id },
      keyDir,
    );
    // A client that traces its own work sends its context: the platform starts its own trace at the gateway
    // (a client must not choose it), and keeps the client's on the gateway's span to match the two up.
    const response = await fetch(`${gatewayUrl}/api/v1/organizations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        traceparent: clientTraceparent,
      },
      body: JSON.stringify({ name: '辽宁追踪测试研究院', kind: 'research_institute', legalPerson: true }),
    });
    expect(response.status).toBe(201);
    const { id: organizationId } = (await response.json()) as { id: string };
    const traceId = await eventually(() => {
      const gatewaySpan = receiver.spans.find(
        (span) => span.attributes['tic.client.traceparent'] === clientTraceparent,
      );
      expect(gatewaySpan).toBeDefined();
      return gatewaySpan?.traceId ?? '';
    }, 20_000);
    expect(traceId).not.toBe(clientTraceId);
    expect(receiver.trace(clientTraceId)).toEqual([]);

    // tic.organization.registered reaches personnel's organization registry over JetStream.
    const spans = await eventually(() => {
      const found = receiver.trace(traceId);
      expect(found.find((span) => span.kind === SPAN_KIND.consumer && span.service === 'personnel')).toBeDefined();
      return found;
    }, 20_000);

    const services = new Set(spans.map((span) => span.service));
    expect([...services].sort()).toEqual(['applications', 'gateway', 'personnel']);

    const http = only(spans, (span) => span.service === 'gateway' && span.kind === SPAN_KIND.server);
    expect(http.name).toBe('POST /api/v1/organizations');
    expect(http.parentSpanId).toBe('');
    const rpcClient = only(
      spans,
      (span) => span.service === 'gateway' && span.name === 'applications/organizations.create',
    );
    expect(rpcClient.kind).toBe(SPAN_KIND.client);
    expect(rpcClient.parentSpanId).toBe(http.spanId);
    const rpcServer = only(
      spans,
      (span) => span.service === 'applications' && span.kind === SPAN_KIND.server && span.name === rpcClient.name,
    );
    expect(rpcServer.parentSpanId).toBe(rpcClient.spanId);
    // The command's INSERTs, in the RPC handler's span tree.
    const queries = spans.filter(
      (span) => span.service === 'applications' && span.attributes['db.system.name'] === 'postgresql',
    );
    const inserts = queries.map((span) => queryText(span)).filter((text) => text.startsWith('insert into'));
    expect(inserts.some((text) => text.startsWith('insert into "applications"."organization"'))).toBe(true);
    expect(inserts.some((text) => text.startsWith('insert into "applications"."outbox_event"'))).toBe(true);
    // Values never leave for the collector: the unit's name is in the row, not in the trace.
    expect(inserts.join('\n')).not.toContain('辽宁追踪测试研究院');
    // Each relay pass is off the command's trace (it may publish others' events too): only its publish is on it.
    expect(queries.every((span) => !queryText(span).includes('set_config'))).toBe(true);

    const publish = only(spans, (span) => span.service === 'applications' && span.kind === SPAN_KIND.producer);
    expect(publish.name).toBe('publish tic.events.organization.registered');
    const consumer = only(spans, (span) => span.service === 'personnel' && span.kind === SPAN_KIND.consumer);
    expect(consumer.parentSpanId).toBe(publish.spanId);
    expect(consumer.attributes['messaging.consumer.group.name']).toBe('personnel-organization-registry');
    // Linked to the command that recorded the event, inside the RPC handler.
    expect(consumer.links.map((link) => link.traceId)).toEqual([traceId]);
    expect(spans.map((span) => span.spanId)).toContain(consumer.links[0]?.spanId);
    // The consumer's own Postgres work continues the same trace.
    expect(spans.some((span) => span.service === 'personnel' && span.parentSpanId === consumer.spanId)).toBe(true);

    // What agencies receive carries the platform's trace, never the client's.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client
      .query<{ traceparent: string | null }>(
        `select document->>'traceparent' as traceparent from applications.outbox_event where subject = $1`,
        [organizationId],
      )
      .finally(() => client.end());
    expect(rows.map((row) => row.traceparent?.split('-')[1])).toEqual([traceId]);

    // And an operator holding the trace id finds the request's log lines.
    const logged = gateway
      .output()
      .split('\n')
      .filter((line) => line.includes(`"trace_id":"${traceId}"`));
    expect(logged.length).toBeGreaterThan(0);
  });
});

function queryText(span: ReceivedSpan): string {
  const text = span.attributes['db.query.text'];
  return typeof text === 'string' ? text : '';
}

function only(spans: readonly ReceivedSpan[], predicate: (span: ReceivedSpan) => boolean): ReceivedSpan {
  const matching = spans.filter(predicate);
  if (matching.length !== 1)
    throw new Error(`expected one matching span, found ${matching.length}: ${JSON.stringify(spans, null, 1)}`);
  return matching[0] as ReceivedSpan;
}
