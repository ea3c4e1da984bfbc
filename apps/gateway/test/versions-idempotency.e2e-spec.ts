import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { CreateOrganization, ExportApplications, OpenCall, TransitionApplication } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { startWorld, type TestWorld } from './support/test-world';

const PROBLEM = /^application\/problem\+json/;

describe('gateway: versions, idempotency, downloads (real NATS and Redis)', () => {
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

  describe('versions', () => {
    it('sets a weak ETag on a resource with a version', async () => {
      const res = await http().get(`/api/v1/organizations/${randomUUID()}`).set('authorization', `Bearer ${admin}`);
      expect(res.headers.etag).toBe('W/"3"');
    });

    it('takes the version from If-Match and answers with the new ETag', async () => {
      const id = randomUUID();
      const res = await http()
        .post(`/api/v1/applications/${id}/transitions`)
        .set('authorization', `Bearer ${unit}`)
        .set('if-match', 'W/"3"')
        .send({ action: 'submit' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('W/"4"');
      expect(world.state.last(TransitionApplication).payload).toMatchObject({ id, action: 'submit', version: 3 });
    });

    it('409 on a stale version given by If-Match', async () => {
      const res = await http()
        .post(`/api/v1/applications/${randomUUID()}/transitions`)
        .set('authorization', `Bearer ${unit}`)
        .set('if-match', 'W/"2"')
        .send({ action: 'submit' });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.type).toContain('stale_version');
      expect(res.body.code).toBe('version.stale');
    });

    it('400 when If-Match and the body’s version disagree, without asking the service', async () => {
      const before = world.state.count(TransitionApplication);
      const res = await http()
        .post(`/api/v1/applications/${randomUUID()}/transitions`)
        .set('authorization', `Bearer ${unit}`)
        .set('if-match', '"3"')
        .send({ action: 'submit', version: 2 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'version' })]);
      expect(world.state.count(TransitionApplication)).toBe(before);
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, and reaches the service once', async () => {
      const key = randomUUID();
      const body = { name: '大连理工大学', kind: 'university', legalPerson: true };
      const before = world.state.count(CreateOrganization);
      const first = await http()
        .post('/api/v1/organizations')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send(body);
      const second = await http()
        .post('/api/v1/organizations')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send(body);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotency-replayed']).toBe('true');
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      expect(second.body).toEqual(first.body);
      expect(world.state.count(CreateOrganization)).toBe(before + 1);
      expect(world.state.last(CreateOrganization).context?.idempotencyKey).toBe(key);

      const other = await http()
        .post('/api/v1/organizations')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send({ ...body, name: '东北大学' });
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toMatch(PROBLEM);
      expect(other.body.type).toContain('idempotency_key_reused');
      expect(world.state.count(CreateOrganization)).toBe(before + 1);
    });

    it('409 for a duplicate that arrives while the first is in flight', async () => {
      let open: () => void = () => undefined;
      world.state.gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      const key = randomUUID();
      const body = { year: 2027, title: '2027年度申报', opensOn: '2027-03-01', closesOn: '2027-04-30' };
      const before = world.state.count(OpenCall);
      const first = http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send(body)
        .then((r) => r);
      await eventually(() => {
        expect(world.state.count(OpenCall)).toBe(before + 1);
      });
      const duplicate = await http()
        .post('/api/v1/calls')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send(body);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.type).toContain('idempotency_in_progress');
      open();
      world.state.gate = undefined;
      expect((await first).status).toBe(201);
      expect(world.state.count(OpenCall)).toBe(before + 1);
    });

    it('keeps the key per user: another user with the same key is a new request', async () => {
      const key = randomUUID();
      const other = await world.keys.sign({
        sub: `admin-${randomUUID()}`,
        name: '省科技厅赵六',
        role: 'dst_admin',
        org,
      });
      const body = { name: '沈阳工业大学', kind: 'university', legalPerson: true };
      const before = world.state.count(CreateOrganization);
      await http()
        .post('/api/v1/organizations')
        .set('authorization', `Bearer ${admin}`)
        .set('idempotency-key', key)
        .send(body)
        .expect(201);
      const res = await http()
        .post('/api/v1/organizations')
        .set('authorization', `Bearer ${other}`)
        .set('idempotency-key', key)
        .send(body)
        .expect(201);
      expect(res.headers['idempotency-replayed']).toBeUndefined();
      expect(world.state.count(CreateOrganization)).toBe(before + 2);
    });
  });

  it('downloads the export as an xlsx attachment with its (Chinese) file name', async () => {
    const res = await http()
      .get('/api/v1/applications/export?year=2027')
      .set('authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => {
          chunks.push(c);
        });
        r.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('申报汇总 2027.xlsx')}`,
    );
    expect((res.body as Buffer).toString()).toBe('PK\u0003\u0004 a workbook');
    expect(world.state.last(ExportApplications).payload).toMatchObject({ year: 2027 });
  });
});
