import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Parser } from '@asyncapi/parser';

import { EVENT_DEFINITIONS } from '../event-catalogue';
import { buildAsyncApiDocument, renderAsyncApiDocument } from './build-asyncapi';
import { EXAMPLE_WEBHOOK_SECRET, webhookSignature } from './delivery-ways';

const CHECKED_IN = join(__dirname, '..', '..', 'asyncapi.json');

describe('the AsyncAPI document', () => {
  it('is up to date with the event definitions (run `npm run build && npm run asyncapi -w @tic/contracts` when this fails)', () => {
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(renderAsyncApiDocument());
  });

  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(renderAsyncApiDocument());
    // The parser returns no document when any diagnostic is an error; list them to say why.
    const errors = document === undefined ? diagnostics.map((d) => `${d.path.join('.')}: ${d.message}`) : [];
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('has a channel per event type at its subject on NATS, and the webhook and pull ways', async () => {
    const { document } = await new Parser().parse(renderAsyncApiDocument());
    const onNats = document
      ?.channels()
      .all()
      .filter((c) =>
        c
          .servers()
          .all()
          .some((server) => server.id() === 'nats'),
      )
      .map((c) => c.address());
    expect(onNats).toEqual(EVENT_DEFINITIONS.map((d) => d.subject));
    expect(document?.channels().get('webhookDelivery')?.servers().all()[0]?.protocol()).toBe('https');
    expect(document?.channels().get('eventFeed')?.address()).toBe('/events');
    const examples =
      document
        ?.messages()
        .all()
        .flatMap((m) => m.examples().all()) ?? [];
    expect(examples.length).toBe(EVENT_DEFINITIONS.length + 1);
  });

  it('signs webhooks as the Standard Webhooks specification’s own test vector does', () => {
    expect(
      webhookSignature(EXAMPLE_WEBHOOK_SECRET, 'msg_p5jXN8AQM9LWM0D4loKWxJek', '1614265330', '{"test": 2432232314}'),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('documents the webhook headers and carries a correctly signed delivery example', () => {
    const document = buildAsyncApiDocument() as {
      components: { schemas: Record<string, { required?: string[] }>; messages: Record<string, unknown> };
    };
    expect(document.components.schemas.WebhookHeaders?.required).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    const webhook = document.components.messages.WebhookEvent as {
      examples: { headers: Record<string, string>; payload: { id: string } }[];
    };
    const [example] = webhook.examples;
    expect(example?.headers['webhook-id']).toBe(example?.payload.id);
    expect(example?.headers['webhook-signature']).toBe(
      webhookSignature(
        EXAMPLE_WEBHOOK_SECRET,
        example?.payload.id ?? '',
        example?.headers['webhook-timestamp'] ?? '',
        JSON.stringify(example?.payload),
      ),
    );
  });
});
