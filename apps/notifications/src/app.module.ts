import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { ServiceModule } from '@tic/platform';

import { AgencyNatsUsersHandlers } from './agency-nats/agency-nats-users.handlers';
import { AgencyNatsUsersService } from './agency-nats/agency-nats-users.service';
import type { NotificationsConfig } from './config';
import { NOTIFICATIONS_ENTITIES } from './entities';
import { EventFeedHandlers } from './feed/event-feed.handlers';
import { EventFeedIngestor } from './feed/event-feed.ingestor';
import { EventFeedService } from './feed/event-feed.service';
import { EmailHealth } from './email/email-health';
import { EmailOutbox } from './email/email-outbox';
import { EmailSender } from './email/email-sender';
import { EmailSettingsHandlers } from './email/email-settings.handlers';
import { EmailSettingsService } from './email/email-settings.service';
import { FEED_LISTENERS, type FeedListener } from './feed/feed-listener';
import { FeedRecorder } from './feed/feed-recorder';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service';
import { WebhookDeliveryListener } from './webhooks/webhook-delivery.listener';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookMetrics } from './webhooks/webhook-metrics';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WebhooksHandlers } from './webhooks/webhooks.handlers';
import { InboxHandlers } from './inbox/inbox.handlers';
import { InboxListener } from './inbox/inbox.listener';
import { InboxService } from './inbox/inbox.service';

export const SERVICE_VERSION = '0.1.0';

/**
 * The platform's events as agencies read them (the feed, webhooks) and as people are told of them
 * (the inbox, email). It reads every event and writes none of the measures' records.
 */
@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forService({
          service: 'notifications',
          version: SERVICE_VERSION,
          config,
          entities: NOTIFICATIONS_ENTITIES,
          migrationsPath: join(__dirname, 'migrations'),
        }),
      ],
      controllers: [EventFeedHandlers, AgencyNatsUsersHandlers, WebhooksHandlers, InboxHandlers, EmailSettingsHandlers],
      providers: [
        EventFeedService,
        AgencyNatsUsersService,
        EventFeedIngestor,
        FeedRecorder,
        WebhookSubscriptionsService,
        WebhookDeliveriesService,
        WebhookDeliveryListener,
        WebhookDispatcher,
        WebhookMetrics,
        InboxService,
        InboxListener,
        EmailSettingsService,
        EmailOutbox,
        EmailSender,
        EmailHealth,
        {
          provide: FEED_LISTENERS,
          inject: [WebhookDeliveryListener, InboxListener],
          useFactory: (...listeners: FeedListener[]) => listeners,
        },
      ],
    };
  }
}
