import { DirectoryCenter } from '@tic/platform';

import { EmailAttempt } from './email/email-attempt.entity';
import { EmailMessage } from './email/email-message.entity';
import { EmailSettings } from './email/email-settings.entity';
import { FeedEvent } from './feed/feed-event.entity';
import { FeedReactionFailure } from './feed/feed-reaction-failure.entity';
import { Notification } from './inbox/notification.entity';

/** Every table of the notifications schema (the platform's outbox and inbox are added by ormConfig). */
export const NOTIFICATIONS_ENTITIES = [
  DirectoryCenter,
  FeedEvent,
  FeedReactionFailure,
  Notification,
  EmailSettings,
  EmailMessage,
  EmailAttempt,
];
