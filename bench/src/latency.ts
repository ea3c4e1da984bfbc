import { performance } from 'node:perf_hooks';

/** Latencies of one measured operation, in milliseconds. */
export interface Latency {
  readonly label: string;
  readonly iterations: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** Set when a call failed: the measure stopped there. */
  readonly error?: string;
}

/** Something to time: `prepare(i)` builds the i-th input untimed and returns the call to time. */
export interface Operation {
  readonly label: string;
  prepare(i: number): () => Promise<unknown>;
}

export function operation<I>(label: string, input: (i: number) => I, run: (input: I) => Promise<unknown>): Operation {
  return {
    label,
    prepare: (i) => {
      const prepared = input(i);
      return () => run(prepared);
    },
  };
}

/**
 * Times the operations in turn, one call in flight: iteration i calls each of them once, so that
 * the machine's load and the database's cache weigh on all alike. `warmUp` rounds go untimed first.
 * An operation that fails stops there and reports its error; the others go on.
 */
export async function measureInterleaved<const T extends readonly Operation[]>(
  options: { iterations: number; warmUp: number },
  operations: T,
): Promise<{ [K in keyof T]: Latency }> {
  const samples = operations.map(() => [] as number[]);
  const errors: (string | undefined)[] = operations.map(() => undefined);
  for (let i = 0; i < options.warmUp + options.iterations; i += 1) {
    for (const [index, op] of operations.entries()) {
      if (errors[index] !== undefined) continue;
      const call = op.prepare(i);
      try {
        const started = performance.now();
        await call();
        if (i >= options.warmUp) samples[index]?.push(performance.now() - started);
      } catch (error) {
        errors[index] = error instanceof Error ? error.message : String(error);
      }
    }
  }
  return operations.map((op, index) => summarize(op.label, samples[index] ?? [], errors[index])) as {
    [K in keyof T]: Latency;
  };
}

function summarize(label: string, samples: readonly number[], error: string | undefined): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mean = sorted.length === 0 ? NaN : sorted.reduce((sum, s) => sum + s, 0) / sorted.length;
  return {
    label,
    iterations: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean,
    ...(error === undefined ? {} : { error }),
  };
}

/** A row of the report: a latency, its ratio to a baseline, and a target it must meet. */
export interface ReportRow {
  readonly latency: Latency;
  readonly baseline?: Latency;
  readonly target?: { readonly text: string; readonly met: (latency: Latency, baseline?: Latency) => boolean };
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(2));
const ratio = (value: number, base: number | undefined) =>
  base === undefined || Number.isNaN(value) ? '' : `${(value / base).toFixed(2)}×`;

/** Prints the rows as a fixed-width table; returns whether every target was met. */
export function printReport(rows: readonly ReportRow[]): boolean {
  const header = ['measure', 'n', 'p50 ms', 'p99 ms', 'mean ms', 'p50 ratio', 'p99 ratio', 'target', 'met'];
  const lines = rows.map(({ latency, baseline, target }) => {
    const met =
      latency.error !== undefined ? 'ERROR' : target === undefined ? '' : target.met(latency, baseline) ? 'yes' : 'NO';
    return [
      latency.label,
      String(latency.iterations),
      ms(latency.p50),
      ms(latency.p99),
      ms(latency.mean),
      ratio(latency.p50, baseline?.p50),
      ratio(latency.p99, baseline?.p99),
      target?.text ?? '(information)',
      met,
    ];
  });
  const widths = header.map((h, column) => Math.max(width(h), ...lines.map((line) => width(line[column] ?? ''))));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 7 ? padEnd(cell, widths[column] ?? 0) : padStart(cell, widths[column] ?? 0),
      )
      .join('  ');
  process.stdout.write(
    `${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${lines.map(format).join('\n')}\n`,
  );
  for (const { latency } of rows)
    if (latency.error !== undefined)
      process.stdout.write(`\n${latency.label} failed after ${latency.iterations} timed calls: ${latency.error}\n`);
  return rows.every(
    ({ latency, baseline, target }) =>
      latency.error === undefined && (target === undefined || target.met(latency, baseline)),
  );
}

// Wide characters (CJK, ×, —) are counted as they show in a terminal.
function width(text: string): number {
  return Array.from(text).reduce(
    (sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1),
    0,
  );
}
const padEnd = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text;

/** Resident set size now and at its peak, in MiB. */
export function memory(): { rssMiB: number; peakRssMiB: number } {
  return {
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
