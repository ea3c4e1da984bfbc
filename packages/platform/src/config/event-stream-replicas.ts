import { z } from 'zod';

import { ConfigError } from './config-error';

/**
 * How many copies of the event stream a JetStream cluster keeps: 3 on the three-node cluster of a
 * deployment, 1 on a single server (development, tests, compose). JetStream allows at most 5.
 */
export const eventStreamReplicasSetting = z.coerce.number().int().min(1).max(5).default(1);

/** EVENT_STREAM_REPLICAS from the environment; a bad value is a ConfigError naming the setting. */
export function eventStreamReplicas(env: Record<string, string | undefined> = process.env): number {
  const parsed = eventStreamReplicasSetting.safeParse(env.EVENT_STREAM_REPLICAS);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues.map((issue) => issue.message).join('; ');
  throw new ConfigError(`invalid configuration: EVENT_STREAM_REPLICAS: ${problem}`);
}
