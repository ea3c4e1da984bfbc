import { type NatsConnection, PermissionViolationError } from '@nats-io/transport-node';

/** Subscribes and waits for the server's verdict: a permission violation closes the subscription, or none comes. */
export async function subscribeRefused(nc: NatsConnection, subject: string): Promise<boolean> {
  const sub = nc.subscribe(subject);
  await nc.flush();
  const verdict = await Promise.race([
    sub.closed,
    new Promise((resolve) =>
      setTimeout(() => {
        resolve('open');
      }, 500),
    ),
  ]);
  if (verdict === 'open') sub.unsubscribe();
  return verdict instanceof PermissionViolationError;
}

/** Publishes and reports whether the server refused it (a permission violation reported on the connection). */
export async function publishRefused(nc: NatsConnection, subject: string, data = ''): Promise<boolean> {
  const violations: unknown[] = [];
  const watching = (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'error' && status.error instanceof PermissionViolationError) violations.push(status);
    }
  })();
  nc.publish(subject, data);
  await nc.flush();
  // The server reports the violation before the PONG of the flush; the status iterator hands it on a moment later.
  await new Promise((resolve) => setTimeout(resolve, 300));
  void watching;
  return violations.length > 0;
}
