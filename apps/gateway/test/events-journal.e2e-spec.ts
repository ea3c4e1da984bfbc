import 'reflect-metadata';

import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { startWorld, type TestWorld } from './support/test-world';

interface EventsPage {
  readonly events: readonly { position: string; source: string }[];
  readonly nextCursor: string;
  readonly behind: readonly { service: string; reason: string; unpublished?: number }[];
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

describe('GET /events when one service is behind (does not answer, or its relay is stuck)', () => {
  let world: TestWorld;
  let token: string;

  beforeAll(async () => {
    world = await startWorld({ SERVICES: 'applications,funding', RPC_TIMEOUT_MS: '1000' }, (state) => {
      state.journals.applications.push(
        event('applications', 3, '2027-05-01T08:00:02Z'),
        event('applications', 4, '2027-05-01T08:00:04Z'),
      );
      state.journals.funding.push(
        event('funding', 1, '2027-05-01T08:00:01Z'),
        event('funding', 2, '2027-05-01T08:00:03Z'),
      );
    });
    token = await world.keys.sign({
      sub: `office-${randomUUID()}`,
      name: '省委科技委办公室',
      role: 'committee_office',
      org: randomUUID(),
    });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const read = async (after?: string) =>
    (
      await request(world.gateway.url)
        .get('/api/v1/events/journal')
        .query({ limit: 10, ...(after ? { after } : {}) })
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body as EventsPage;

  it('answers with the others, names the silent service, and gives its events later from the same cursor', async () => {
    let open: () => void = () => undefined;
    world.state.journalGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const first = await read();
    open();
    world.state.journalGate = undefined;
    expect(sources(first)).toEqual(['/tic/applications@3', '/tic/applications@4']);
    expect(first.behind).toEqual([{ service: 'funding', reason: 'unavailable' }]);
    // The cursor holds no position for funding: it starts there again, nothing of it skipped.
    expect(JSON.parse(Buffer.from(first.nextCursor, 'base64url').toString())).toEqual({ applications: '4' });

    const second = await read(first.nextCursor);
    expect(sources(second)).toEqual(['/tic/funding@1', '/tic/funding@2']);
    expect(second.behind).toEqual([]);
    const third = await read(second.nextCursor);
    expect(third.events).toEqual([]);
    expect(third.nextCursor).toBe(second.nextCursor);
  });

  it('names a service whose relay has left events unpublished, and still reads what it has published', async () => {
    world.state.backlogs.funding = { unpublished: 7, lagMs: 120_000 };
    world.state.backlogs.applications = { unpublished: 1, lagMs: 20 }; // merely busy: not behind
    world.state.journals.funding.push(event('funding', 5, '2027-05-01T08:00:09Z'));
    const page = await read(Buffer.from(JSON.stringify({ applications: '4', funding: '2' })).toString('base64url'));
    expect(sources(page)).toEqual(['/tic/funding@5']);
    expect(page.behind).toEqual([{ service: 'funding', reason: 'publishing', unpublished: 7, lagMs: 120_000 }]);
  });
});
