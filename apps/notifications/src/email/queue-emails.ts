import type { EntityManager } from '@mikro-orm/postgresql';

import { newId } from '@tic/platform';

import type { Notification } from '../inbox/notification.entity';
import { composeEmail } from './email-composition';
import { EmailMessage } from './email-message.entity';
import { EmailSettings } from './email-settings.entity';

/**
 * One email per address the notification's organization chose for its kind, in the notification's
 * transaction: a committed notification always has its emails, a rolled-back one none.
 */
export async function queueEmails(em: EntityManager, notification: Notification): Promise<void> {
  const settings = await em.findOne(EmailSettings, { organizationId: notification.organizationId });
  if (settings === null || !settings.kinds.includes(notification.kind)) return;
  // The link is completed with the platform's address when sent, so the record stays valid if it moves.
  const { subject, text } = composeEmail(settings.language, notification.title, notification.body);
  for (const address of settings.addresses) {
    em.persist(
      em.create(EmailMessage, {
        id: newId(),
        notificationId: notification.id,
        organizationId: notification.organizationId,
        kind: notification.kind,
        address,
        language: settings.language,
        subject,
        text,
        link: notification.link,
      }),
    );
  }
}
