import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import { Queue } from 'bullmq';
import request from 'supertest';

import { ROLES, type Role } from '@tic/domain';
import { dashboardFamiliesMissingFrom, MetricsScrape } from '@tic/platform/testing';

import { TEST_REDIS_URL, deleteKeys } from './support/gateway-harness';
import { startWorld, type TestWorld } from './support/test-world';

interface BoardQueue {
  readonly name: string;
  readonly readOnlyMode: boolean;
  readonly counts: Record<string, number>;
}

/**
 * The operations pages of the gateway: Bull Board over the deadline queues (read-only, dst_admin
 * only, bearer or the browser's session cookie) and /metrics (stand-in service, real NATS and Redis).
 */
describe('operations: the deadline queues board and /metrics', () => {
  const queuePrefix = `tic-test-ops-${randomUUID().slice(0, 8)}`;
  let world: TestWorld;
  let personnelQueue: Queue;
  const tokenOf = (role: Role) =>
    world.keys.sign({ sub: `u-${randomUUID()}`, name: `${role} 用户`, role, org: randomUUID() });
  const board = () => request(world.gateway.url);

  beforeAll(async () => {
    // No address is an operator's here: /metrics then asks for a credential as /ops does.
    world = await startWorld({ QUEUE_PREFIX: queuePrefix, HEALTH_DETAILS_FROM: '' });
    personnelQueue = new Queue('deadlines-personnel', { prefix: queuePrefix, connection: { url: TEST_REDIS_URL } });
    // A wake-up as the personnel service schedules one for an A15 filing deadline.
    await personnelQueue.add(
      'due',
      { deadlineId: randomUUID(), on: '2027-01-15' },
      { delay: 86_400_000, jobId: `due-${randomUUID()}` },
    );
  }, 60_000);

  afterAll(async () => {
    await personnelQueue?.obliterate({ force: true });
    await personnelQueue?.close();
    await world?.close();
    await deleteKeys(`${queuePrefix}:`);
  });

  it('answers 401 without a credential, on the page and its API', async () => {
    for (const path of ['/ops/queues', '/ops/queues/api/queues']) {
      const response = await board().get(path);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it.each(ROLES.filter((role) => role !== 'dst_admin'))('answers 403 to a real %s token', async (role) => {
    const response = await board()
      .get('/ops/queues/api/queues')
      .set('authorization', `Bearer ${await tokenOf(role)}`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'auth.operator_only' });
  });

  it("lists every deadline owner's queue to dst_admin, read-only, with its jobs counted", async () => {
    const auth = `Bearer ${await tokenOf('dst_admin')}`;
    const page = await board().get('/ops/queues').set('authorization', auth);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const response = await board().get('/ops/queues/api/queues').set('authorization', auth);
    expect(response.status).toBe(200);
    const queues = (response.body as { queues: BoardQueue[] }).queues;
    // The harness's gateway fronts the applications and personnel services.
    expect(queues.map((queue) => queue.name).sort()).toEqual(['deadlines-applications', 'deadlines-personnel']);
    expect(queues.every((queue) => queue.readOnlyMode)).toBe(true);
    expect(queues.find((queue) => queue.name === 'deadlines-personnel')?.counts.delayed).toBe(1);
  });

  it('refuses the actions (retry, clean, promote): Postgres holds the deadlines, the jobs only wake services', async () => {
    const auth = `Bearer ${await tokenOf('dst_admin')}`;
    for (const path of ['retry/failed', 'clean/delayed', 'promote']) {
      const response = await board()
        .put(`/ops/queues/api/queues/deadlines-personnel/${path}`)
        .set('authorization', auth);
      expect(response.status).toBe(405);
    }
    expect(await personnelQueue.getDelayedCount()).toBe(1);
  });

  it('signs a browser in with a dst_admin token as a short-lived HttpOnly cookie for /ops, and no other role', async () => {
    expect((await board().get('/ops/login')).text).toContain('action="/ops/session"');
    const refused = await board()
      .post('/ops/session')
      .type('form')
      .send({ token: await tokenOf('recommender') });
    expect(refused.status).toBe(403);
    expect(refused.headers['set-cookie']).toBeUndefined();

    const signedIn = await board()
      .post('/ops/session')
      .type('form')
      .send({ token: await tokenOf('dst_admin') });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/ops/queues');
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(/^tic_ops=[\w.-]+; Path=\/ops; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);

    const session = cookie.split(';')[0] ?? '';
    const listed = await board().get('/ops/queues/api/queues').set('cookie', session);
    expect(listed.status).toBe(200);
    const anotherRole = await board()
      .get('/ops/queues/api/queues')
      .set('cookie', `tic_ops=${await tokenOf('expert')}`);
    expect(anotherRole.status).toBe(403);
  });

  it('serves /metrics to operators, with HTTP requests by route pattern and status, never by id', async () => {
    const auth = `Bearer ${await tokenOf('dst_admin')}`;
    const unknownId = randomUUID();
    const organizationId = randomUUID();
    expect((await board().get(`/api/v1/organizations/${organizationId}`).set('authorization', auth)).status).toBe(200);
    await board().get(`/no-such-place/${unknownId}`);
    expect((await board().get('/metrics')).status).toBe(401);
    expect(
      (
        await board()
          .get('/metrics')
          .set('authorization', `Bearer ${await tokenOf('agency')}`)
      ).status,
    ).toBe(403);

    const response = await board().get('/metrics').set('authorization', auth);
    expect(response.status).toBe(200);
    const metrics = MetricsScrape.parse(response.text);
    expect(
      metrics.sum('tic_http_request_duration_seconds_count', {
        route: '/api/v1/organizations/:id',
        method: 'GET',
        status: '200',
      }),
    ).toBe(1);
    expect(
      metrics.sum('tic_http_request_duration_seconds_count', { route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(metrics.families.has('process_cpu_seconds_total')).toBe(true);
    expect(dashboardFamiliesMissingFrom(metrics, ['tic_http_', 'process_', 'nodejs_'])).toEqual([]);
    expect(response.text).not.toContain(unknownId);
    expect(response.text).not.toContain(organizationId);
  });
});
