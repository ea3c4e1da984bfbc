/** One sample of a Prometheus text exposition: `name{label="value",…} number`. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A /metrics page as an operator's Prometheus reads it. */
export class MetricsScrape {
  constructor(
    readonly samples: readonly MetricSample[],
    /** Every metric family the page declares (`# TYPE`), with or without samples. */
    readonly families: ReadonlySet<string>,
  ) {}

  static parse(text: string): MetricsScrape {
    const samples: MetricSample[] = [];
    const families = new Set<string>();
    for (const line of text.split('\n')) {
      const type = /^# TYPE (\S+) /.exec(line);
      if (type?.[1]) families.add(type[1]);
      const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!sample?.[1] || sample[3] === undefined) continue;
      const labels: Record<string, string> = {};
      for (const [, key, value] of (sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
        if (key !== undefined && value !== undefined) labels[key] = value.replace(/\\(.)/g, '$1');
      }
      samples.push({ name: sample[1], labels, value: Number(sample[3]) });
    }
    return new MetricsScrape(samples, families);
  }

  /** The samples of a name whose labels include `labels`. */
  find(name: string, labels: Record<string, string> = {}): MetricSample[] {
    return this.samples.filter(
      (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
    );
  }

  /** The sum of the matching samples' values (0 when none). */
  sum(name: string, labels: Record<string, string> = {}): number {
    return this.find(name, labels).reduce((total, s) => total + s.value, 0);
  }
}

/** GETs a /metrics page and parses it. */
export async function scrapeMetrics(url: string, init?: RequestInit): Promise<MetricsScrape> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return MetricsScrape.parse(await response.text());
}
