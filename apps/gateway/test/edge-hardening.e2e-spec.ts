import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { ListApplications, ListCalls } from '@tic/contracts';
import { startRedisServer, type TestRedisServer } from '@tic/testing';

import { startGateway, type TestGateway } from './support/gateway-harness';
import { startWorld, type TestWorld } from './support/test-world';

describe('the gateway at the edge (stand-in service, real NATS and Redis)', () => {
  let world: TestWorld;
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    world = await startWorld();
  }, 60_000);

  afterAll(async () => {
    for (const gateway of gateways.splice(0)) await gateway.close();
    await world?.close();
  });

  /** Another gateway on the world's NATS and keys, with settings of its own. */
  const gatewayWith = async (env: Record<string, string>) => {
    const gateway = await startGateway({
      NATS_URL: world.nats.url,
      JWT_PUBLIC_KEY_FILE: world.keys.publicKeyFile,
      ...env,
    });
    gateways.push(gateway);
    return gateway;
  };
  const dstToken = () =>
    world.keys.sign({ sub: `u-${randomUUID()}`, name: '省科技厅王五', role: 'dst_admin', org: randomUUID() });

  describe('public objections are counted per client address that only a listed proxy can name', () => {
    const objection = () => ({
      noticeId: randomUUID(),
      applicationId: randomUUID(),
      grounds: '研发场地面积与申报材料不符',
    });
    const objectFrom = async (gateway: TestGateway, forwardedFor: string) =>
      (
        await request(gateway.url)
          .post('/api/v1/public/objections')
          .set('x-forwarded-for', forwardedFor)
          .send(objection())
      ).status;

    it('ignores X-Forwarded-For from a client that is not a listed proxy', async () => {
      const gateway = await gatewayWith({ TRUST_PROXY: '10.0.0.1', RATE_LIMIT_PUBLIC_OBJECTIONS: '2' });
      const statuses = [];
      for (const spoofed of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        statuses.push(await objectFrom(gateway, spoofed));
      expect(statuses).toEqual([201, 201, 429]);
    });

    it('believes it from a listed proxy', async () => {
      const gateway = await gatewayWith({ TRUST_PROXY: '127.0.0.1/32', RATE_LIMIT_PUBLIC_OBJECTIONS: '2' });
      const statuses = [];
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        statuses.push(await objectFrom(gateway, client));
      expect(statuses).toEqual([201, 201, 201]);
    });
  });

  describe('GET /health/ready', () => {
    it('answers anonymous callers from elsewhere with the status only, throttled per address', async () => {
      const gateway = await gatewayWith({ HEALTH_DETAILS_FROM: '10.9.9.9', RATE_LIMIT_HEALTH: '2' });
      const first = await request(gateway.url).get('/health/ready');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ status: 'up' });
      await request(gateway.url).get('/health/ready').expect(200);
      const limited = await request(gateway.url).get('/health/ready');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      // An operator's token still gets the details, and is not throttled.
      const operator = await request(gateway.url)
        .get('/health/ready')
        .set('authorization', `Bearer ${await dstToken()}`);
      expect(operator.status).toBe(200);
      expect(operator.body.checks).toMatchObject({ redis: { status: 'up' }, applications: { status: 'up' } });
    });

    it('gives the details to HEALTH_DETAILS_FROM addresses', async () => {
      const gateway = await gatewayWith({ HEALTH_DETAILS_FROM: '127.0.0.0/8' });
      const res = await request(gateway.url).get('/health/ready').expect(200);
      expect(res.body.checks.redis).toEqual({ status: 'up' });
    });
  });

  describe('Redis with a password (as infra/redis and docker-compose run it)', () => {
    let redis: TestRedisServer;

    beforeAll(async () => {
      redis = await startRedisServer({ password: `pw-${randomUUID()}` });
    });

    afterAll(async () => {
      // The gateways first: a client left retrying a stopped Redis keeps the test process alive.
      for (const gateway of gateways.splice(0)) await gateway.close();
      await redis?.close();
    });

    it('connects with the password in REDIS_URL', async () => {
      const gateway = await gatewayWith({ REDIS_URL: redis.url });
      const res = await request(gateway.url).get('/health/ready').expect(200);
      expect(res.body.checks.redis).toEqual({ status: 'up' });
    });

    it('is down without it, and the 503 names no internal address or host', async () => {
      const gateway = await gatewayWith({ REDIS_URL: `redis://127.0.0.1:${redis.port}`, RPC_TIMEOUT_MS: '1000' });
      const ready = await request(gateway.url).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.redis).toEqual({ status: 'down', detail: 'Redis does not answer' });
      const token = await dstToken();
      // A route that needs Redis (the rate limit) is a 503 whose detail does not repeat the driver's message.
      const refused = await request(gateway.url)
        .get('/api/v1/calls')
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'en');
      expect(refused.status).toBe(503);
      const text = JSON.stringify([ready.body, refused.body]);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(String(redis.port));
      expect(text).not.toMatch(/NOAUTH|ECONNREFUSED/);
    });
  });

  it.each([
    ['/api/v1/calls', ListCalls],
    ['/api/v1/applications', ListApplications],
  ])('%s?year=99999999999 is a 400 naming year, before any RPC', async (path, operation) => {
    const before = world.state.count(operation);
    const token = await dstToken();
    for (const year of ['99999999999', '1999', '2101']) {
      const res = await request(world.gateway.url).get(`${path}?year=${year}`).set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'year' })]);
    }
    expect(world.state.count(operation)).toBe(before);
  });

  it('sends security headers, with a CSP under which Swagger UI loads only its own files and keeps no token', async () => {
    const health = await request(world.gateway.url).get('/health').expect(200);
    expect(health.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    const csp = String(health.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    const page = await request(world.gateway.url).get('/docs').expect(200);
    expect(page.headers['content-security-policy']).toBe(csp);
    // Every script is a file of this origin (no inline script for the CSP to block), and each one loads.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1] ?? '';
      expect(src).toMatch(/^\/docs\//);
      const script = await request(world.gateway.url).get(src).expect(200);
      expect(script.headers['content-type']).toContain('javascript');
    }
    const init = await request(world.gateway.url).get('/docs/swagger-init.js').expect(200);
    expect(init.text).toContain("url: '/docs-json'");
    expect(init.text).not.toContain('persistAuthorization');
  });
});
