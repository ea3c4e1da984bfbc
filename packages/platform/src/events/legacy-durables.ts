import type { JetStreamManager } from '@nats-io/jetstream';

import { EVENT_STREAM, EVENT_SUBJECT_PREFIX } from '@tic/contracts';

/**
 * The durables a service ran before one durable per subscription: one per event type, named
 * `<service>-<subscription>-<aggregate>-<event>` and filtered on that one type's subject. Left in
 * place they keep every event of the stream pending for nobody. Returns the names of those this
 * service no longer declares, which it deletes; a durable of another service, or any other name, is
 * never touched.
 */
export async function deleteLegacyDurables(
  jsm: JetStreamManager,
  service: string,
  declared: ReadonlySet<string>,
): Promise<string[]> {
  const deleted: string[] = [];
  for await (const consumer of jsm.consumers.list(EVENT_STREAM)) {
    const name = consumer.name;
    if (declared.has(name) || !isLegacyName(name, service, consumer.config.filter_subject)) continue;
    await jsm.consumers.delete(EVENT_STREAM, name);
    deleted.push(name);
  }
  return deleted;
}

function isLegacyName(name: string, service: string, filterSubject: string | undefined): boolean {
  const prefix = `${EVENT_SUBJECT_PREFIX}.`;
  if (!filterSubject?.startsWith(prefix) || /[*>]/.test(filterSubject)) return false;
  // `tic.center.renamed` was named `center-renamed` (its first dot only).
  const typeSuffix = filterSubject.slice(prefix.length).replace('.', '-');
  const subscription = name.slice(`${service}-`.length, -`-${typeSuffix}`.length);
  return name.startsWith(`${service}-`) && name.endsWith(`-${typeSuffix}`) && subscription.length > 0;
}
