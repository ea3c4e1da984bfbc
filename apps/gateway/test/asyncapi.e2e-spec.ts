import 'reflect-metadata';

import { Parser } from '@asyncapi/parser';
import request from 'supertest';

import { EVENT_DEFINITIONS } from '@tic/contracts';

import { startWorld, type TestWorld } from './support/test-world';

/** CONTRACT.md (Events): the AsyncAPI document, as JSON and as a page, for anyone and without a token. */
describe('the AsyncAPI document (GET /asyncapi.json) and its page (GET /asyncapi)', () => {
  let world: TestWorld;

  beforeAll(async () => {
    world = await startWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('serves a valid AsyncAPI 3 document without a token, with the three delivery ways', async () => {
    const res = await request(world.gateway.url).get('/asyncapi.json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { document, diagnostics } = await new Parser().parse(res.text);
    const errors = document === undefined ? diagnostics.map((d) => `${d.path.join('.')}: ${d.message}`) : [];
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const channels = document?.channels();
    expect(channels?.get('webhookDelivery')).toBeDefined();
    expect(channels?.get('eventFeed')?.address()).toBe('/events');
    for (const definition of EVENT_DEFINITIONS) {
      expect(channels?.all().some((channel) => channel.address() === definition.subject)).toBe(true);
    }
  });

  it('serves a page without scripts or outside resources that names every event type and the webhook headers', async () => {
    const res = await request(world.gateway.url).get('/asyncapi').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.text;
    for (const definition of EVENT_DEFINITIONS) {
      expect(html).toContain(definition.type);
      expect(html).toContain(definition.subject);
    }
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'Nats-Msg-Id']) {
      expect(html).toContain(header);
    }
    expect(html).toContain('/api/v1/events');
    expect(html).toContain('Payload schema');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.standardwebhooks\.com)[^\s"<]*\.(js|css)/i);
  });

  it('documents the page as HTML in the OpenAPI document, so a client expects what it gets', async () => {
    const openApi = (await request(world.gateway.url).get('/docs-json').expect(200)).body as {
      paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const page = openApi.paths['/asyncapi']?.get?.responses?.['200']?.content ?? {};
    expect(Object.keys(page)).toEqual(['text/html']);
  });

  it('escapes what the document says, so a description cannot inject markup', async () => {
    const html = (await request(world.gateway.url).get('/asyncapi').expect(200)).text;
    // The webhook headers' description reads "<webhook-id>.<webhook-timestamp>.<raw body>".
    expect(html).not.toContain('<webhook-id>');
    expect(html).toContain('&lt;webhook-id&gt;');
  });
});
