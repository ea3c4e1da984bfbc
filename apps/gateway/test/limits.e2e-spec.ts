import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { startGateway } from './support/gateway-harness';
import { startWorld, type TestWorld } from './support/test-world';

describe('rate limits (counts in Redis)', () => {
  let world: TestWorld;
  const org = randomUUID();

  beforeAll(async () => {
    world = await startWorld({ RATE_LIMIT: '3', RATE_LIMIT_PUBLIC_OBJECTIONS: '2', RATE_LIMIT_WINDOW_MS: '60000' });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const token = (sub: string) => world.keys.sign({ sub, name: '省科技厅王五', role: 'dst_admin', org });

  it('429 problem+json with Retry-After once a user passes the limit; another user is not affected', async () => {
    const first = await token(`u-${randomUUID()}`);
    for (let i = 0; i < 3; i++) {
      await request(world.gateway.url)
        .get(`/api/v1/organizations/${randomUUID()}`)
        .set('authorization', `Bearer ${first}`)
        .expect(200);
    }
    const limited = await request(world.gateway.url)
      .get(`/api/v1/organizations/${randomUUID()}`)
      .set('authorization', `Bearer ${first}`);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringContaining('rate_limited') });

    const second = await token(`u-${randomUUID()}`);
    await request(world.gateway.url)
      .get(`/api/v1/organizations/${randomUUID()}`)
      .set('authorization', `Bearer ${second}`)
      .expect(200);
  });

  it('shares the counts between gateway instances (Redis storage)', async () => {
    // Same Redis and key prefix as the first instance, as two replicas of one deployment.
    const other = await startGateway({
      NATS_URL: world.nats.url,
      JWT_PUBLIC_KEY_FILE: world.keys.publicKeyFile,
      RATE_LIMIT: '3',
      REDIS_KEY_PREFIX: world.gateway.redisPrefix,
    });
    try {
      const user = await token(`u-${randomUUID()}`);
      const get = (url: string) =>
        request(url).get(`/api/v1/organizations/${randomUUID()}`).set('authorization', `Bearer ${user}`);
      expect([
        (await get(world.gateway.url)).status,
        (await get(other.url)).status,
        (await get(world.gateway.url)).status,
      ]).toEqual([200, 200, 200]);
      expect((await get(other.url)).status).toBe(429);
    } finally {
      await other.app.close();
    }
  });

  it('limits anonymous public objections more tightly, per client address', async () => {
    const body = { noticeId: randomUUID(), applicationId: randomUUID(), grounds: '该单位研发场地面积与申报材料不符' };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await request(world.gateway.url).post('/api/v1/public/objections').send(body)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});
