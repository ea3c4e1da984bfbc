import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  type CountUnread,
  type ListInbox,
  type MarkAllNotificationsRead,
  MarkNotificationRead,
  type NotificationDto,
} from '@tic/contracts';
import { notFound } from '@tic/domain';
import { type Caller, type In, pageOf, requireAccess, RpcFailure, UnitOfWork } from '@tic/platform';

import { inboxFilter, notificationFacts } from './inbox-scope';
import { Notification } from './notification.entity';

/** DOMAIN.md §7: an organization's inbox, read and marked read by its own users only. */
@Injectable()
export class InboxService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async list(input: In<typeof ListInbox>, caller: Caller) {
    const filter = inboxFilter(caller);
    if (filter === null) return { items: [] };
    const rows = await this.entityManager.fork().find(
      Notification,
      {
        $and: [
          filter,
          input.unread === true ? { readAt: null } : {},
          input.cursor === undefined ? {} : { id: { $lt: input.cursor } },
        ],
      },
      // Ids are UUID v7, so the newest first is the largest id first, and a cursor is the last id seen.
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, toNotificationDto);
  }

  async unreadCount(_input: In<typeof CountUnread>, caller: Caller) {
    const filter = inboxFilter(caller);
    if (filter === null) return { unread: 0 };
    return { unread: await this.entityManager.fork().count(Notification, { $and: [filter, { readAt: null }] }) };
  }

  markRead(input: In<typeof MarkNotificationRead>, caller: Caller): Promise<NotificationDto> {
    return this.uow.run(MarkNotificationRead, input, async ({ em }) => {
      const notification = await em.findOne(Notification, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Another user's message of the same organization is as unseen as another organization's.
      const foreignUser = notification?.userId !== null && notification?.userId !== caller.userId;
      if (notification === null || foreignUser) throw RpcFailure.denied(notFound('notification'));
      requireAccess(caller, 'notification.mark_read', notificationFacts(notification));
      notification.readAt ??= new Date();
      return toNotificationDto(notification);
    });
  }

  async markAllRead(_input: In<typeof MarkAllNotificationsRead>, caller: Caller) {
    const filter = inboxFilter(caller);
    if (filter === null) return { marked: 0 };
    const marked = await this.entityManager
      .fork()
      .nativeUpdate(Notification, { $and: [filter, { readAt: null }] }, { readAt: new Date() });
    return { marked };
  }
}

export function toNotificationDto(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    eventId: notification.eventId,
    centerId: notification.centerId,
    userId: notification.userId,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}
