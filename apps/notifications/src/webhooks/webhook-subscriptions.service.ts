import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';

import {
  CreateWebhookSubscription,
  DeleteWebhookSubscription,
  type GetWebhookSubscription,
  type ListWebhookSubscriptions,
  RotateWebhookSecret,
  UpdateWebhookSubscription,
  type WebhookSubscriptionDto,
} from '@tic/contracts';
import { listScope } from '@tic/domain';
import {
  assertVersion,
  type Caller,
  type In,
  newId,
  pageOf,
  PLATFORM_CONFIG,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { urlProblem } from './receiver-address';
import { ATTEMPT_TABLE } from './webhook-delivery.store';
import { DELIVERY_TABLE } from './webhook-delivery.listener';
import { newWebhookSecret } from './webhook-signature';
import { WebhookSubscription } from './webhook-subscription.entity';
import { requireWebhookUser, subscriptionFor } from './webhook-subscription.access';
import { toSubscriptionDto } from './webhook-subscription.view';
import { WEBHOOK_REFUSALS } from './webhooks.refusals';

const AGGREGATE = 'webhook_subscription';

/** CONTRACT.md (Events, way 1): an agency's webhook subscriptions, their filter and their secret. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  create(input: In<typeof CreateWebhookSubscription>, caller: Caller) {
    return this.uow.run(
      CreateWebhookSubscription,
      input,
      (scope) => {
        requireWebhookUser(caller);
        requireAccess(caller, 'webhook_subscription.create', {
          kind: 'webhook_subscription',
          registeredByOrgId: caller.orgId,
        });
        this.checkUrl(input.url);
        const subscription = scope.em.create(WebhookSubscription, {
          id: newId(),
          organizationId: caller.orgId,
          ownerRole: caller.role,
          url: input.url,
          description: input.description,
          types: [...input.types],
          centerIds: [...input.centerIds],
          cityCodes: [...input.cityCodes],
          secret: newWebhookSecret(),
        });
        scope.history(subscription, { aggregateType: AGGREGATE, action: 'create', to: 'active' });
        return Promise.resolve(subscription);
      },
      // The one answer that shows the secret; a replay of the same Idempotency-Key shows it again.
      (_em, subscription) => Promise.resolve({ ...toSubscriptionDto(subscription), secret: subscription.secret }),
    );
  }

  async list(input: In<typeof ListWebhookSubscriptions>, caller: Caller) {
    requireWebhookUser(caller);
    const seesAll = 'all' in listScope(caller, 'webhook_subscription');
    const rows = await this.entityManager
      .fork()
      .getRepository(WebhookSubscription)
      .page(caller, seesAll, input.cursor, input.limit);
    return pageOf(rows, input.limit, (row) => row.id, toSubscriptionDto);
  }

  async get(input: In<typeof GetWebhookSubscription>, caller: Caller): Promise<WebhookSubscriptionDto> {
    const subscription = await subscriptionFor(
      this.entityManager.fork(),
      caller,
      input.id,
      'webhook_subscription.read',
      false,
    );
    return toSubscriptionDto(subscription);
  }

  update(input: In<typeof UpdateWebhookSubscription>, caller: Caller): Promise<WebhookSubscriptionDto> {
    return this.uow.run(
      UpdateWebhookSubscription,
      input,
      async (scope) => {
        const subscription = await subscriptionFor(scope.em, caller, input.id, 'webhook_subscription.manage', true);
        assertVersion(input.version, subscription.version);
        this.checkUrl(input.url);
        scope.em.assign(subscription, {
          url: input.url,
          description: input.description,
          types: [...input.types],
          centerIds: [...input.centerIds],
          cityCodes: [...input.cityCodes],
          updatedAt: new Date(),
        });
        scope.history(subscription, { aggregateType: AGGREGATE, action: 'update' });
        return subscription;
      },
      (_em, subscription) => Promise.resolve(toSubscriptionDto(subscription)),
    );
  }

  delete(input: In<typeof DeleteWebhookSubscription>, caller: Caller) {
    return this.uow.run(DeleteWebhookSubscription, input, async ({ em }) => {
      const subscription = await subscriptionFor(em, caller, input.id, 'webhook_subscription.manage', true);
      assertVersion(input.version, subscription.version);
      await em.execute(`delete from ${ATTEMPT_TABLE} where subscription_id = ?`, [subscription.id]);
      await em.execute(`delete from ${DELIVERY_TABLE} where subscription_id = ?`, [subscription.id]);
      em.remove(subscription);
      return { id: input.id, deleted: true as const };
    });
  }

  /** A new secret; the old one keeps signing beside it for WEBHOOK_SECRET_OVERLAP_HOURS. */
  rotateSecret(input: In<typeof RotateWebhookSecret>, caller: Caller) {
    return this.uow.run(
      RotateWebhookSecret,
      input,
      async (scope) => {
        const subscription = await subscriptionFor(scope.em, caller, input.id, 'webhook_subscription.manage', true);
        assertVersion(input.version, subscription.version);
        const overlapMs = this.config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000;
        scope.em.assign(subscription, {
          previousSecret: subscription.secret,
          previousSecretValidUntil: new Date(Date.now() + overlapMs),
          secret: newWebhookSecret(),
          updatedAt: new Date(),
        });
        scope.history(subscription, { aggregateType: AGGREGATE, action: 'rotate_secret' });
        return subscription;
      },
      (_em, subscription) => Promise.resolve({ ...toSubscriptionDto(subscription), secret: subscription.secret }),
    );
  }

  private checkUrl(url: string): void {
    const problem = urlProblem(url, {
      allowHttp: this.config.WEBHOOK_ALLOW_HTTP,
      allowPrivateHosts: this.config.WEBHOOK_ALLOW_PRIVATE_HOSTS,
    });
    if (problem !== null)
      throw refuse(WEBHOOK_REFUSALS.url_refused, { reason: problem }, { errors: [{ path: 'url', message: problem }] });
  }
}
