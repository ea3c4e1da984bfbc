import { Webhook } from 'standardwebhooks';

import { newWebhookSecret, webhookSignature } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({ id: 'e1', type: 'tic.center.established', data: { name: '辽宁' } });
  const timestamp = Math.floor(Date.now() / 1000);

  it('verify with the reference library', () => {
    const secret = newWebhookSecret();
    const headers = {
      'webhook-id': 'e1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature([secret], 'e1', timestamp, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('carry one v1 signature per secret during a rotation, each verifying alone', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const signature = webhookSignature([current, previous], 'e1', timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': 'e1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    for (const secret of [current, previous]) expect(() => new Webhook(secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });
});
