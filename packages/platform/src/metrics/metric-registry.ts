import { Gauge, type LabelValues, register } from 'prom-client';

/** A gauge family read when Prometheus scrapes: each scrape replaces every sample with what `read` gives. */
export interface ScrapedGauge<L extends string, T> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /** Undefined when the read failed: the family then has no sample, and the rest of the page still renders. */
  readonly read: () => Promise<T | undefined>;
  readonly samples: (value: T) => Iterable<readonly [LabelValues<L>, number]>;
}

/**
 * The metrics one provider created in prom-client's global registry, the one PrometheusModule serves at
 * /metrics. A metric of the same name left by another instance (a test running two replicas in one
 * process) is replaced: the newest is live. On shutdown a provider removes only what is still its own.
 */
export class OwnedMetrics {
  private readonly owned = new Map<string, unknown>();

  create<M>(name: string, create: () => M): M {
    register.removeSingleMetric(name);
    const metric = create();
    this.owned.set(name, metric);
    return metric;
  }

  gaugeOnScrape<L extends string, T>(spec: ScrapedGauge<L, T>): Gauge<L> {
    return this.create(
      spec.name,
      () =>
        new Gauge<L>({
          name: spec.name,
          help: spec.help,
          labelNames: spec.labelNames,
          async collect() {
            const value = await spec.read();
            this.reset();
            if (value !== undefined) for (const [labels, sample] of spec.samples(value)) this.set(labels, sample);
          },
        }),
    );
  }

  removeAll(): void {
    for (const [name, metric] of this.owned)
      if (register.getSingleMetric(name) === metric) register.removeSingleMetric(name);
    this.owned.clear();
  }
}

/**
 * A read computed on scrape and shared by the gauges that report parts of it: one read per scrape
 * whatever the number of gauges, none at all when nobody scrapes. A failure is kept as long as a
 * value would be, so that scrapes during an outage do not each wait for it again. The result is
 * undefined then: a gauge reports no sample rather than failing the whole page, default metrics included.
 */
export function sharedRead<T>(freshForMs: number, read: () => Promise<T>): () => Promise<T | undefined> {
  let last: { at: number; value: Promise<T | undefined> } | undefined;
  return () => {
    const now = Date.now();
    if (last === undefined || now - last.at >= freshForMs) last = { at: now, value: read().catch(() => undefined) };
    return last.value;
  };
}
