import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { journalRpc } from '@tic/contracts';

import { startWorld, type TestWorld } from './support/test-world';

interface EventsPage {
  readonly events: readonly { position: string; source: string }[];
  readonly nextCursor: string;
}

const sources = (page: EventsPage) => page.events.map((e) => `${e.source}@${e.position}`);

function event(source: 'applications' | 'funding', position: number, time: string) {
  return {
    id: randomUUID(),
    type: `tic.${source}.test`,
    source: `/tic/${source}`,
    time,
    position: String(position),
    specversion: '1.0',
    data: {},
  };
}

describe('GET /events (journals merged with a cursor) and GET /health/ready', () => {
  let world: TestWorld;
  const org = randomUUID();

  beforeAll(async () => {
    world = await startWorld({ SERVICES: 'applications,funding', RPC_TIMEOUT_MS: '1000' }, (state) => {
      state.journals.applications.push(
        event('applications', 11, '2027-05-01T08:00:00Z'),
        event('applications', 12, '2027-05-01T08:00:03Z'),
        event('applications', 15, '2027-05-01T08:00:05Z'),
      );
      state.journals.funding.push(
        event('funding', 7, '2027-05-01T08:00:01Z'),
        event('funding', 9, '2027-05-01T08:00:04Z'),
      );
    });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const office = () =>
    world.keys.sign({ sub: `office-${randomUUID()}`, name: '省委科技委办公室', role: 'committee_office', org });

  it('merges two journals by event time, page by page, with a cursor that skips nothing', async () => {
    const token = await office();
    const read = async (after?: string) =>
      (
        await request(world.gateway.url)
          .get('/api/v1/events/journal')
          .query({ limit: 2, ...(after ? { after } : {}) })
          .set('authorization', `Bearer ${token}`)
          .expect(200)
      ).body as EventsPage;

    const first = await read();
    expect(sources(first)).toEqual(['/tic/applications@11', '/tic/funding@7']);
    const second = await read(first.nextCursor);
    expect(sources(second)).toEqual(['/tic/applications@12', '/tic/funding@9']);
    expect(world.state.last(journalRpc('applications')).payload).toMatchObject({ after: '11', limit: 2 });
    expect(world.state.last(journalRpc('funding')).payload).toMatchObject({ after: '7', limit: 2 });
    const third = await read(second.nextCursor);
    expect(sources(third)).toEqual(['/tic/applications@15']);
    const fourth = await read(third.nextCursor);
    expect(fourth.events).toEqual([]);
    expect(fourth.nextCursor).toBe(third.nextCursor);
    expect(JSON.parse(Buffer.from(third.nextCursor, 'base64url').toString())).toEqual({
      applications: '15',
      funding: '9',
    });
  });

  it('400 for a cursor it did not issue; 403 for a role that is not an agency reader', async () => {
    const bad = await request(world.gateway.url)
      .get('/api/v1/events/journal?after=%7Bnot-a-cursor')
      .set('authorization', `Bearer ${await office()}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'after' })]);
    const unit = await world.keys.sign({ sub: 'u', name: '建设单位', role: 'construction_unit', org });
    await request(world.gateway.url).get('/api/v1/events/journal').set('authorization', `Bearer ${unit}`).expect(403);
  });

  it('503 when a service does not answer within RPC_TIMEOUT_MS', async () => {
    let open: () => void = () => undefined;
    world.state.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const admin = await world.keys.sign({ sub: `admin-${randomUUID()}`, name: '省科技厅王五', role: 'dst_admin', org });
    const res = await request(world.gateway.url)
      .post('/api/v1/calls')
      .set('authorization', `Bearer ${admin}`)
      .set('accept-language', 'en')
      .send({ year: 2027, title: '2027年度申报', opensOn: '2027-03-01', closesOn: '2027-04-30' });
    open();
    world.state.gate = undefined;
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: expect.stringContaining('unavailable'),
      detail: 'The applications service did not answer in time',
    });
  });

  it('GET /health answers without a token', async () => {
    const res = await request(world.gateway.url).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'up', service: 'gateway' });
  });

  it('GET /health/ready is 503 when one configured service does not answer, with each check', async () => {
    const ready = await request(world.gateway.url).get('/health/ready');
    expect(ready.status).toBe(503); // funding is configured, but nothing answers its health
    expect(ready.body.checks).toMatchObject({
      redis: { status: 'up' },
      applications: { status: 'up', instance: 'stand-in:1' },
      funding: { status: 'down' },
    });
  });
});

describe('GET /health/ready with one service', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld({ SERVICES: 'applications', RPC_TIMEOUT_MS: '1000' });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('is 200 while the service answers and 503, naming it, once it stops', async () => {
    const up = await request(world.gateway.url).get('/health/ready');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      status: 'up',
      checks: { redis: { status: 'up' }, applications: { status: 'up', dependencies: { postgres: { status: 'up' } } } },
    });

    await world.stopStandIn();
    const down = await request(world.gateway.url).get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'down',
      checks: { redis: { status: 'up' }, applications: { status: 'down', detail: expect.any(String) } },
    });
  });
});
