import {
  CreateWebhookSubscription,
  DeleteWebhookSubscription,
  EnableWebhookSubscription,
  GetWebhookSubscription,
  ListWebhookDeliveries,
  ListWebhookSubscriptions,
  ReplayWebhookDeliveries,
  UpdateWebhookSubscription,
} from '@tic/contracts';

import { CALLERS, refusal, runningNotifications } from './harness';

// Production rules for receivers: https on public hosts only.
const service = runningNotifications('webhook_subscriptions');

const create = (
  url = 'https://agency.example.cn/tic/hooks',
  caller: (typeof CALLERS)[keyof typeof CALLERS] = CALLERS.agency,
) =>
  service.call(
    CreateWebhookSubscription,
    { url, description: '财政厅事件接收', types: ['tic.center.established'] },
    caller,
  );

describe('webhook subscriptions (CONTRACT.md, Events: way 1)', () => {
  it('lets an agency create, read, update and delete its own, each change guarded by the version', async () => {
    const created = await create();
    expect(created).toMatchObject({ status: 'active', version: 1, organizationId: CALLERS.agency.orgId });
    const read = await service.call(GetWebhookSubscription, { id: created.id }, CALLERS.agency);
    expect(read).not.toHaveProperty('secret');
    expect(read.types).toEqual(['tic.center.established']);
    const updated = await service.call(
      UpdateWebhookSubscription,
      { id: created.id, version: 1, url: 'https://agency.example.cn/v2', cityCodes: ['210100'] },
      CALLERS.agency,
    );
    expect(updated).toMatchObject({
      version: 2,
      url: 'https://agency.example.cn/v2',
      types: [],
      cityCodes: ['210100'],
    });
    const stale = await refusal(
      service.call(
        UpdateWebhookSubscription,
        { id: created.id, version: 1, url: 'https://x.example.cn/' },
        CALLERS.agency,
      ),
    );
    expect(stale.code).toBe('stale_version');
    await service.call(DeleteWebhookSubscription, { id: created.id, version: 2 }, CALLERS.agency);
    const gone = await refusal(service.call(GetWebhookSubscription, { id: created.id }, CALLERS.agency));
    expect(gone.code).toBe('not_found');
  });

  it('lists an agency its own and DST every agency’s', async () => {
    const mine = await create();
    const theirs = await create('https://ndrc.example.cn/hooks', CALLERS.otherAgency);
    const own = await service.call(ListWebhookSubscriptions, { limit: 200 }, CALLERS.agency);
    expect(own.items.map((item) => item.id)).toContain(mine.id);
    expect(own.items.map((item) => item.id)).not.toContain(theirs.id);
    const all = await service.call(ListWebhookSubscriptions, { limit: 200 }, CALLERS.dst);
    expect(all.items.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('hides another agency’s subscription as not found and leaves it unchanged', async () => {
    const theirs = await create('https://ndrc.example.cn/hooks', CALLERS.otherAgency);
    const attempts = [
      service.call(GetWebhookSubscription, { id: theirs.id }, CALLERS.agency),
      service.call(
        UpdateWebhookSubscription,
        { id: theirs.id, version: 1, url: 'https://evil.example.cn/' },
        CALLERS.agency,
      ),
      service.call(DeleteWebhookSubscription, { id: theirs.id, version: 1 }, CALLERS.agency),
      service.call(EnableWebhookSubscription, { id: theirs.id, version: 1 }, CALLERS.agency),
      service.call(ListWebhookDeliveries, { id: theirs.id }, CALLERS.agency),
      service.call(ReplayWebhookDeliveries, { id: theirs.id, after: '0' }, CALLERS.agency),
    ];
    for (const attempt of attempts) expect((await refusal(attempt)).code).toBe('not_found');
    const unchanged = await service.call(GetWebhookSubscription, { id: theirs.id }, CALLERS.otherAgency);
    expect(unchanged).toMatchObject({ url: 'https://ndrc.example.cn/hooks', version: 1, status: 'active' });
  });

  it('refuses units (403) and DST’s writes, with the rule’s code', async () => {
    const unit = await refusal(create(undefined, CALLERS.supporting));
    expect(unit).toMatchObject({ code: 'forbidden', reason: 'webhook_subscription.agencies_only' });
    const unitList = await refusal(service.call(ListWebhookSubscriptions, {}, CALLERS.construction));
    expect(unitList.code).toBe('forbidden');
    const byDst = await refusal(create(undefined, CALLERS.dst));
    expect(byDst).toMatchObject({ code: 'forbidden', reason: 'webhook_subscription.registered_by_agency' });
    const mine = await create();
    const dstUpdate = await refusal(
      service.call(UpdateWebhookSubscription, { id: mine.id, version: 1, url: 'https://x.example.cn/' }, CALLERS.dst),
    );
    expect(dstUpdate).toMatchObject({ code: 'forbidden', reason: 'webhook_subscription.managed_by_its_agency' });
  });

  it.each([
    ['not a URL', 'not a url'],
    ['http in production', 'http://agency.example.cn/hooks'],
    ['a loopback host', 'https://127.0.0.1/hooks'],
    ['a private address', 'https://10.1.2.3/hooks'],
    ['localhost', 'https://localhost:8443/hooks'],
    ['a link-local (metadata) address', 'https://169.254.169.254/latest'],
  ])('refuses %s, naming the url field', async (_what, url) => {
    const refused = await refusal(create(url));
    expect(refused.code).toBe('invalid_input');
    expect(refused.errors?.[0]?.path).toBe('url');
  });

  it('refuses to enable a subscription that is not disabled', async () => {
    const mine = await create();
    const refused = await refusal(service.call(EnableWebhookSubscription, { id: mine.id, version: 1 }, CALLERS.agency));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'webhook.not_disabled' });
  });
});
