import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { CreateApplication, GetOrganization, ListOrganizations, OpenCall } from '@tic/contracts';

import { applicationForm } from './support/fixtures';
import { createTestKeys } from './support/test-keys';
import { startWorld, type TestWorld } from './support/test-world';

const PROBLEM = /^application\/problem\+json/;

interface Problem {
  readonly type: string;
  readonly errors?: readonly { path: string; message: string }[];
}

describe('gateway: authentication, roles, validation, problem+json (real NATS and Redis)', () => {
  let world: TestWorld;
  const org = randomUUID();
  let admin: string;
  let unit: string;

  beforeAll(async () => {
    world = await startWorld();
    admin = await world.keys.sign({ sub: `admin-${randomUUID()}`, name: '省科技厅王五', role: 'dst_admin', org });
    unit = await world.keys.sign({ sub: `unit-${randomUUID()}`, name: '建设单位李四', role: 'construction_unit', org });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const http = () => request(world.gateway.url);

  describe('authentication', () => {
    it('401 problem+json without a token', async () => {
      const res = await http().get(`/api/v1/organizations/${randomUUID()}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({
        status: 401,
        type: expect.stringContaining('unauthenticated'),
        title: '未登录或令牌无效',
      });
    });

    it.each([
      ['garbage', () => Promise.resolve('not.a.jwt')],
      [
        'signed with another key',
        async () => {
          const stranger = await createTestKeys();
          stranger.remove();
          return stranger.sign({ sub: 'x', name: '某人', role: 'dst_admin', org });
        },
      ],
      ['expired', async () => world.keys.sign({ sub: 'x', name: '某人', role: 'dst_admin', org }, '-1m')],
      [
        'with an unknown role',
        async () => world.keys.sign({ sub: 'x', name: '某人', role: 'superuser' as 'dst_admin', org }),
      ],
    ])('401 with a bad token: %s', async (_label, token) => {
      const res = await http()
        .get(`/api/v1/organizations/${randomUUID()}`)
        .set('authorization', `Bearer ${await token()}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(world.state.count(GetOrganization)).toBe(0);
    });

    it('carries the caller and the correlation id to the service, and echoes the id', async () => {
      const id = randomUUID();
      const res = await http()
        .get(`/api/v1/organizations/${id}`)
        .set('authorization', `Bearer ${admin}`)
        .set('x-correlation-id', 'corr-e2e-1');
      expect(res.status).toBe(200);
      expect(res.headers['x-correlation-id']).toBe('corr-e2e-1');
      expect(res.body.id).toBe(id);
      const { context } = world.state.last(GetOrganization);
      expect(context).toMatchObject({
        correlationId: 'corr-e2e-1',
        caller: { name: '省科技厅王五', role: 'dst_admin', orgId: org },
      });
    });

    it('generates a correlation id when none is sent', async () => {
      const res = await http().get('/health');
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('403 for a role outside the route’s allow-list, before any RPC', async () => {
    const res = await http()
      .post('/api/v1/calls')
      .set('authorization', `Bearer ${unit}`)
      .send({ year: 2027, title: '2027年度申报', opensOn: '2027-03-01', closesOn: '2027-04-30' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.detail).toContain('construction_unit');
    expect(world.state.count(OpenCall)).toBe(0);
  });

  describe('DOMAIN.md §1: a role must fit its organization', () => {
    const enterprise = { kind: 'enterprise', legalPerson: true, isRecommender: false, authority: null } as const;

    it.each([
      ['dst_admin for an enterprise', 'dst_admin', enterprise],
      ['recommender for a unit not registered as recommending unit', 'recommender', enterprise],
      ['supporting_unit for an organization that is not registered', 'supporting_unit', null],
      [
        'construction_unit for DST',
        'construction_unit',
        { ...enterprise, kind: 'government_department', authority: 'dst' },
      ],
    ] as const)('403 problem+json naming the role, before any RPC of the route: %s', async (_label, role, standing) => {
      const orgId = randomUUID();
      world.state.standings.set(orgId, standing);
      const token = await world.keys.sign({ sub: `u-${randomUUID()}`, name: '某人', role, org: orgId });
      const before = world.state.count(GetOrganization);
      const res = await http().get(`/api/v1/organizations/${randomUUID()}`).set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        status: 403,
        code: 'auth.role_does_not_fit_organization',
        type: expect.stringContaining('forbidden'),
      });
      expect(res.body.detail).toContain(role);
      expect(world.state.count(GetOrganization)).toBe(before);
    });

    it('lets through a role that fits, and an expert from outside the register', async () => {
      const office = randomUUID();
      world.state.standings.set(office, {
        kind: 'government_department',
        legalPerson: true,
        isRecommender: false,
        authority: 'committee_office',
      });
      const outsider = randomUUID();
      world.state.standings.set(outsider, null);
      for (const [role, org] of [
        ['committee_office', office],
        ['expert', outsider],
      ] as const) {
        const token = await world.keys.sign({ sub: `u-${randomUUID()}`, name: '某人', role, org });
        const res = await http().get(`/api/v1/organizations/${randomUUID()}`).set('authorization', `Bearer ${token}`);
        expect(res.status).toBe(200);
      }
    });
  });

  describe('validation', () => {
    it('400 with the path of every invalid field, in Chinese by default', async () => {
      const res = await http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .send({ year: 2025, title: 'x', opensOn: '2027-02-30' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect([...new Set((res.body as Problem).errors?.map((e) => e.path))].sort()).toEqual([
        'closesOn',
        'opensOn',
        'title',
        'year',
      ]);
      expect(res.body.title).toBe('请求参数无效');
      expect(world.state.count(OpenCall)).toBe(0);
    });

    it('400 naming a refined field (closesOn before opensOn), in English on request', async () => {
      const res = await http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .set('accept-language', 'en-US,en;q=0.9')
        .send({ year: 2027, title: '2027年度申报', opensOn: '2027-03-01', closesOn: '2027-02-01' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ title: 'Invalid request', errors: [{ path: 'closesOn' }] });
    });

    it('400 for a malformed path id, 400 for malformed JSON, 413 over 1 MiB, 404 for an unknown route', async () => {
      const badId = await http().get('/api/v1/organizations/not-a-uuid').set('authorization', `Bearer ${admin}`);
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);

      const badJson = await http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send('{"year":');
      expect(badJson.status).toBe(400);
      expect(badJson.headers['content-type']).toMatch(PROBLEM);

      const big = await http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) }));
      expect(big.status).toBe(413);
      expect(big.headers['content-type']).toMatch(PROBLEM);

      const unknown = await http().get('/api/v1/nowhere').set('authorization', `Bearer ${admin}`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(PROBLEM);
      expect(unknown.body).toMatchObject({
        status: 404,
        instance: '/api/v1/nowhere',
        correlationId: expect.any(String),
      });
    });

    it('reads ?flag=false in a query as false', async () => {
      const res = await http()
        .get('/api/v1/organizations?isRecommender=false&limit=5')
        .set('authorization', `Bearer ${admin}`);
      expect(res.status).toBe(200);
      expect(world.state.last(ListOrganizations).payload).toMatchObject({ isRecommender: false, limit: 5 });
    });
  });

  describe('refusals of the measures', () => {
    it.each([
      ['zh', undefined, '不符合管理办法的规定', '依托单位须在辽宁省内注册'],
      ['en', 'en', 'The measures do not allow this', 'The supporting unit must be registered in Liaoning'],
    ])('422 with rule and article (%s)', async (_label, language, title, detail) => {
      const req = http().post('/api/v1/applications').set('authorization', `Bearer ${unit}`);
      if (language) void req.set('accept-language', language);
      const res = await req.send(applicationForm());
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        type: expect.stringContaining('rule_violation'),
        title,
        detail,
        status: 422,
        rule: 'A12.1-province',
        article: '第十二条第（一）项',
        instance: '/api/v1/applications',
      });
      expect(world.state.count(CreateApplication)).toBeGreaterThan(0);
    });
  });
});
