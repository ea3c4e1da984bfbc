import { z } from 'zod';

import { serviceConfigSchema, stableId } from '@tic/platform';

/** The notifications service's environment; a bad setting stops the start with one line. */
export const notificationsConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3105),
  /**
   * Events the feed takes from JetStream in one transaction. Only one batch is outstanding across all
   * replicas (the durable's max_ack_pending), which is what keeps the feed in stream order.
   */
  FEED_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(256),
  /** DST's organization, whose inbox is told of what waits on DST; the registry's seed gives it this id. */
  DST_ORGANIZATION_ID: z.uuid().default(stableId('organization:辽宁省科学技术厅')),
  /** Where emails go out (smtp://user:pass@host:port); absent, emails are recorded but not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('辽宁省技术创新中心管理平台 <noreply@tic.localhost>'),
  /** Where an email's link points: the web address of the gateway. */
  PLATFORM_URL: z.url().default('http://127.0.0.1:3000'),
  EMAIL_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** The first retry waits this long, each next one twice as long (up to an hour). */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** How long a replica holds an email it is sending before another may take it over. */
  EMAIL_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;
