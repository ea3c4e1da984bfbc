/**
 * How long a shutdown waits for Redis-bound work (jobs in progress, a queue's or worker's close) before it
 * cuts the connection: with Redis away, ioredis queues the closing commands until it is back, and a
 * service being stopped must not wait for that. A firing cut short rolls back and is the sweep's again.
 */
export const SHUTDOWN_GRACE_MS = 5_000;

/** Whether `work` settled within `ms`; if not, it is left to itself (its failure ignored). */
export async function settlesWithin(work: Promise<unknown>, ms: number = SHUTDOWN_GRACE_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
