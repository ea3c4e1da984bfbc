import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { Queue } from 'bullmq';

/**
 * The baseline of a re-derivation: the same number of delayed jobs added straight to a scratch BullMQ
 * queue on the same Redis, in bulks of the derivation's page (500), with nothing read from Postgres and
 * nothing looked up first. What Redis and BullMQ alone take on this machine in this run; returns ms.
 */
export async function bullmqFloor(redisUrl: string, count: number): Promise<number> {
  const queue = new Queue('bench-floor', {
    connection: { url: redisUrl },
    prefix: `floor-${randomBytes(3).toString('hex')}`,
  });
  try {
    const started = performance.now();
    for (let from = 0; from < count; from += 500) {
      const size = Math.min(500, count - from);
      await queue.addBulk(
        Array.from({ length: size }, (_, k) => ({
          name: 'due',
          data: { deadlineId: `floor-${from + k}`, on: '2099-01-01' },
          opts: { jobId: `due-floor-${from + k}`, delay: 86_400_000, removeOnComplete: true, removeOnFail: true },
        })),
      );
    }
    return performance.now() - started;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
