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
  /**
   * How long a batch may stay unacknowledged before JetStream hands it to another replica: also how long
   * the feed stalls after a replica dies holding a batch. A batch commits in well under a second.
   */
  FEED_ACK_WAIT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
});

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;
