import { z } from 'zod';

import { entityId, instant, localizedText } from '../../schemas';
import { NOTICE_TEMPLATES, type NoticeType } from '../../notices/notice-catalogue';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

const NOTICE_TYPES = Object.keys(NOTICE_TEMPLATES).sort() as [NoticeType, ...NoticeType[]];

/** `true`/`false` in a query string or a JSON boolean: the same flag. */
const flag = z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());

export const notificationSchema = z.object({
  id: entityId,
  kind: z.string().describe('the event type it tells of (what the email settings choose by)'),
  eventId: entityId.nullable(),
  centerId: entityId.nullable(),
  userId: z.string().nullable().describe('set when it is addressed to one user of the organization'),
  title: localizedText,
  body: localizedText,
  link: z.string().nullable().describe('where to act: a path of this API'),
  readAt: instant.nullable(),
  createdAt: instant,
});
export type NotificationDto = z.output<typeof notificationSchema>;

export const ListInbox = defineRpc({
  service: 'notifications',
  operation: 'inbox.list',
  summary: 'DOMAIN.md §7: the caller’s organization’s inbox (and what is addressed to the caller), newest first',
  request: z.object({ unread: flag.optional().describe('true: only unread messages'), ...pageRequest }),
  response: pageOf(notificationSchema),
});

export const CountUnread = defineRpc({
  service: 'notifications',
  operation: 'inbox.unread_count',
  summary: 'DOMAIN.md §7: how many messages of the caller’s inbox are unread',
  request: z.object({}),
  response: z.object({ unread: z.number().int().min(0) }),
});

export const MarkNotificationRead = defineRpc({
  service: 'notifications',
  operation: 'inbox.mark_read',
  summary:
    'DOMAIN.md §7: marks one message of the caller’s inbox read (a message of another organization is not found)',
  request: z.object({ id: entityId }),
  response: notificationSchema,
});

export const MarkAllNotificationsRead = defineRpc({
  service: 'notifications',
  operation: 'inbox.mark_all_read',
  summary: 'DOMAIN.md §7: marks every unread message of the caller’s inbox read',
  request: z.object({}),
  response: z.object({ marked: z.number().int().min(0) }),
});

export const EMAIL_LANGUAGES = ['zh', 'en', 'both'] as const;

export const emailSettingsSchema = z.object({
  kinds: z
    .array(z.enum(NOTICE_TYPES))
    .max(NOTICE_TYPES.length)
    .describe('the kinds (event types) that also go by email; empty: none'),
  addresses: z.array(z.email().max(254)).max(20).describe('where the emails go; each gets its own'),
  language: z.enum(EMAIL_LANGUAGES).describe('zh, en, or both in one email (Chinese first)'),
});
export type EmailSettingsDto = z.output<typeof emailSettingsSchema>;

export const GetEmailSettings = defineRpc({
  service: 'notifications',
  operation: 'inbox.email_settings.get',
  summary:
    'DOMAIN.md §7: which kinds of message the caller’s organization also receives by email, where and in which language',
  request: z.object({}),
  response: emailSettingsSchema.extend({ updatedAt: instant.nullable() }),
});

export const SetEmailSettings = defineRpc({
  service: 'notifications',
  operation: 'inbox.email_settings.set',
  summary: 'DOMAIN.md §7: sets the caller’s organization’s email choices (its own users; DST for DST)',
  request: emailSettingsSchema,
  response: emailSettingsSchema.extend({ updatedAt: instant.nullable() }),
});
