import { z } from 'zod';

import { serviceConfigSchema } from '@tic/platform';

/** The notifications service's environment; a bad setting stops the start with one line. */
export const notificationsConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3105),
  /**
   * Events the feed takes from JetStream in one transaction. Only one batch is outstanding across all
   * replicas (the durable's max_ack_pending), which is what keeps the feed in stream order.
   */
  FEED_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(256),
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;
