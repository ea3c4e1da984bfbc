import { v4 as uuidv4 } from 'uuid';

import { ListFeedEvents, type TicEvent } from '@tic/contracts';

import { CALLERS, centerEstablished, ORGS, refusal, runningNotifications, sampleEvent } from './harness';

const service = runningNotifications('event_feed');

describe('the event feed (CONTRACT.md, Events: way 3)', () => {
  const shenyang = uuidv4();
  const dalian = uuidv4();
  const application = uuidv4();
  let published: TicEvent[] = [];

  beforeAll(async () => {
    published = [
      centerEstablished(shenyang, { regionCode: '210102' }),
      centerEstablished(dalian, {
        regionCode: '210202',
        supportingUnitId: ORGS.otherSupporting,
        constructionUnitId: ORGS.otherConstruction,
        recommenderId: ORGS.otherRecommender,
      }),
      sampleEvent('tic.application.submitted', application, { applicationId: application }),
      sampleEvent('tic.center.renamed', shenyang, { centerId: shenyang }, 2),
      sampleEvent('tic.evaluation.graded', uuidv4(), { centerId: dalian }),
      sampleEvent('tic.application.approved', application, { applicationId: application }, 2),
    ];
    await service.publish(published);
    await service.recorded(published.map((event) => event.id));
  });

  it('gives DST every event in the order the stream holds them, each with a rising position', async () => {
    const page = await service.call(ListFeedEvents, { limit: 500 }, CALLERS.dst);
    const ids = page.events.map((event) => event.id);
    expect(ids).toEqual(published.map((event) => event.id));
    const positions = page.events.map((event) => BigInt(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(page.nextCursor).toBe(page.events.at(-1)?.position);
    expect(page.events[0]).toMatchObject({ specversion: '1.0', type: 'tic.center.established', subject: shenyang });
  });

  it('reads on from a cursor, and keeps it when nothing new is there', async () => {
    const first = await service.call(ListFeedEvents, { limit: 2 }, CALLERS.dst);
    expect(first.events.map((event) => event.id)).toEqual(published.slice(0, 2).map((event) => event.id));
    const rest = await service.call(ListFeedEvents, { after: first.nextCursor, limit: 500 }, CALLERS.dst);
    expect(rest.events.map((event) => event.id)).toEqual(published.slice(2).map((event) => event.id));
    const empty = await service.call(ListFeedEvents, { after: rest.nextCursor }, CALLERS.dst);
    expect(empty).toEqual({ events: [], nextCursor: rest.nextCursor });
  });

  it('filters by type, center and city, as a webhook subscription does', async () => {
    const types = await service.call(ListFeedEvents, { types: ['tic.center.renamed'] }, CALLERS.dst);
    expect(types.events.map((event) => event.id)).toEqual([published[3]?.id]);
    const centers = await service.call(ListFeedEvents, { centerIds: [dalian] }, CALLERS.agency);
    expect(centers.events.map((event) => event.id)).toEqual([published[1]?.id, published[4]?.id]);
    const cities = await service.call(ListFeedEvents, { cityCodes: ['210100'] }, CALLERS.agency);
    expect(cities.events.map((event) => event.id)).toEqual([published[0]?.id, published[3]?.id]);
  });

  it('shows an agency no application and the committee office an application only once approved (DOMAIN.md §1)', async () => {
    const agency = await service.call(ListFeedEvents, { limit: 500 }, CALLERS.agency);
    expect(agency.events.some((event) => event.type.startsWith('tic.application.'))).toBe(false);
    const office = await service.call(ListFeedEvents, { limit: 500 }, CALLERS.committee);
    expect(office.events.filter((event) => event.type.startsWith('tic.application.')).map((e) => e.type)).toEqual([
      'tic.application.approved',
    ]);
  });

  it('refuses a unit with the rule, and a malformed cursor naming the field', async () => {
    const unit = await refusal(service.call(ListFeedEvents, {}, CALLERS.supporting));
    expect(unit).toMatchObject({ code: 'forbidden', reason: 'event_feed.not_a_reader' });
    const cursor = await refusal(service.call(ListFeedEvents, { after: '{x' }, CALLERS.dst));
    expect(cursor.code).toBe('invalid_input');
    expect(cursor.errors?.[0]?.path).toBe('after');
  });

  it('records an event published twice once', async () => {
    const [again] = published;
    if (again === undefined) throw new Error('nothing published');
    const marker = sampleEvent('tic.center.renamed', shenyang, { centerId: shenyang }, 3);
    // Past JetStream's duplicate window the same document is a new message: the feed still holds it once.
    await service.sql('select 1');
    await service.publish([marker]);
    await service.recorded([marker.id]);
    const rows = await service.sql('select count(*)::int as n from notifications.feed_event where event_id = ?', [
      again.id,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
