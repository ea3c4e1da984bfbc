import type { EntityManager } from '@mikro-orm/postgresql';

import type { LocalizedText } from '@tic/domain';
import { newId } from '@tic/platform';

import { queueEmails } from '../email/queue-emails';
import { Notification } from './notification.entity';

export interface NewNotification {
  readonly organizationId: string;
  readonly userId?: string;
  readonly kind: string;
  readonly eventId?: string;
  readonly centerId?: string;
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly link?: string;
}

/**
 * Puts a message in an organization's inbox inside the caller's transaction, with the emails its
 * organization chose for this kind. The one way anything in this service tells people something, so
 * that email and the inbox never disagree.
 */
export async function notify(em: EntityManager, message: NewNotification): Promise<Notification> {
  const notification = em.create(Notification, {
    id: newId(),
    organizationId: message.organizationId,
    userId: message.userId ?? null,
    kind: message.kind,
    eventId: message.eventId ?? null,
    centerId: message.centerId ?? null,
    title: message.title,
    body: message.body,
    link: message.link ?? null,
  });
  em.persist(notification);
  await queueEmails(em, notification);
  return notification;
}
