import { EntityRepository } from '@mikro-orm/postgresql';

import type { ResourceFacts } from '@tic/domain';
import type { Caller } from '@tic/platform';

import type { WebhookSubscription } from './webhook-subscription.entity';

/** Subscriptions as the access policy sees them, and the pages of a caller's list. */
export class WebhookSubscriptionRepository extends EntityRepository<WebhookSubscription> {
  /** The facts the policy decides on: the agency that registered it. */
  static facts(subscription: WebhookSubscription | null): ResourceFacts {
    return subscription === null
      ? { kind: 'webhook_subscription' }
      : { kind: 'webhook_subscription', registeredByOrgId: subscription.organizationId };
  }

  /** One page of the subscriptions a caller sees, oldest first: DST every agency's, an agency its own. */
  page(caller: Caller, seesAll: boolean, cursor: string | undefined, limit: number): Promise<WebhookSubscription[]> {
    return this.find(
      {
        ...(seesAll ? {} : { organizationId: caller.orgId }),
        ...(cursor === undefined ? {} : { id: { $gt: cursor } }),
      },
      { orderBy: { id: 'asc' }, limit: limit + 1 },
    );
  }
}
