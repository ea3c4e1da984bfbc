import { DirectoryCenter } from '@tic/platform';

import { AgencyNatsUser } from './agency-nats/agency-nats-user.entity';
import { FeedCursor } from './feed/feed-cursor.entity';
import { EmailAttempt } from './email/email-attempt.entity';
import { EmailMessage } from './email/email-message.entity';
import { EmailSettings } from './email/email-settings.entity';
import { FeedEvent } from './feed/feed-event.entity';
import { FeedReactionFailure } from './feed/feed-reaction-failure.entity';
import { Notification } from './inbox/notification.entity';
import { WebhookAttempt } from './webhooks/webhook-attempt.entity';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookSubscription } from './webhooks/webhook-subscription.entity';

/** Every table of the notifications schema (the platform's outbox and inbox are added by ormConfig). */
export const NOTIFICATIONS_ENTITIES = [
  DirectoryCenter,
  FeedCursor,
  FeedEvent,
  FeedReactionFailure,
  Notification,
  AgencyNatsUser,
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
  EmailSettings,
  EmailMessage,
  EmailAttempt,
];
