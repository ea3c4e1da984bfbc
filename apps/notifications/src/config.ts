import { z } from 'zod';

import { serviceConfigSchema, stableId } from '@tic/platform';

const DAY_MS = 86_400_000;

/** The notifications service's environment; a bad setting stops the start with one line. */
export const notificationsConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3105),
  /**
   * Events the feed takes from JetStream in one transaction. Only one batch is outstanding across all
   * replicas (the durable's max_ack_pending), which is what keeps the feed in stream order.
   */
  FEED_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(256),
  /**
   * How long a batch may stay unacknowledged before JetStream hands it to another replica: also how long
   * the feed stalls after a replica dies holding a batch. A batch commits in well under a second.
   */
  FEED_ACK_WAIT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
  /** Milliseconds a receiver has to answer one delivery before it counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  /** The first retry's delay; each further one doubles it, up to WEBHOOK_RETRY_MAX_MS. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(2 * 3_600_000),
  /**
   * How long a delivery is retried (and a subscription may fail without a success) before the
   * subscription is disabled. CONTRACT.md: at least 24 hours; only development may shorten it.
   */
  WEBHOOK_GIVE_UP_AFTER_MS: z.coerce.number().int().min(100).default(DAY_MS),
  /** Deliveries in flight in one instance, and to one subscription across all instances. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  WEBHOOK_SUBSCRIPTION_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  /** How often an idle dispatcher looks for due deliveries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** How long a claimed delivery is an instance's before another may take it (longer than the timeout). */
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** Hours the secret before a rotation keeps signing alongside the new one. */
  WEBHOOK_SECRET_OVERLAP_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Development only: receivers on http, and on loopback or private addresses (SSRF in production). */
  WEBHOOK_ALLOW_HTTP: z.stringbool().default(false),
  WEBHOOK_ALLOW_PRIVATE_HOSTS: z.stringbool().default(false),
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
}).superRefine((config, ctx) => {
  if (config.TIC_DEV) return;
  const refuse = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (config.WEBHOOK_GIVE_UP_AFTER_MS < DAY_MS)
    refuse('WEBHOOK_GIVE_UP_AFTER_MS', 'CONTRACT.md retries deliveries for at least 24 hours (86400000)');
  if (config.WEBHOOK_ALLOW_HTTP) refuse('WEBHOOK_ALLOW_HTTP', 'receivers must be https in production');
  if (config.WEBHOOK_ALLOW_PRIVATE_HOSTS)
    refuse('WEBHOOK_ALLOW_PRIVATE_HOSTS', 'private and loopback receivers are refused in production (SSRF)');
  if (config.WEBHOOK_LEASE_MS <= config.WEBHOOK_TIMEOUT_MS)
    refuse('WEBHOOK_LEASE_MS', 'must exceed WEBHOOK_TIMEOUT_MS, or two instances may deliver at once');
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;
