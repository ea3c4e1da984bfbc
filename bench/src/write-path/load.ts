import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

/** What one path did in a measured stretch: how many calls, how long, and each call's latency. */
export interface LoadSample {
  readonly label: string;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly failures: number;
  /** The first failure seen, to print. */
  readonly firstFailure?: string;
}

export interface LoadSummary {
  readonly label: string;
  readonly calls: number;
  readonly failures: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly firstFailure?: string;
}

/** Adds up the stretches of one path (the halves run alternately with the baseline's). */
export function summarize(samples: readonly LoadSample[]): LoadSummary {
  const label = samples[0]?.label ?? '';
  const sorted = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const firstFailure = samples.find((s) => s.firstFailure !== undefined)?.firstFailure;
  return {
    label,
    calls: sorted.length,
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
    perSecond: sorted.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? NaN,
    ...(firstFailure === undefined ? {} : { firstFailure }),
  };
}

/**
 * `clients` loops for `seconds`, each starting its next call when its last is answered (a closed loop,
 * as autocannon's connections are). `call(i)` gets a number unique in the run.
 */
export async function closedLoop(
  label: string,
  clients: number,
  seconds: number,
  call: (i: number) => Promise<unknown>,
  counter: { next: number },
): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const i = counter.next++;
        const t0 = performance.now();
        try {
          await call(i);
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          failures += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { label, seconds: (performance.now() - started) / 1000, latenciesMs, failures, firstFailure };
}

/** One HTTP request as autocannon sends it; `setupRequest` makes each one (a new Idempotency-Key, say). */
export interface HttpLoad {
  readonly url: string;
  readonly clients: number;
  readonly seconds: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The body of the i-th request, when it has one. */
  readonly body?: (i: number) => { body: string; headers?: Record<string, string> };
  /** The path of the i-th request, when they differ (reads of many rows). */
  readonly pathOf?: (i: number) => string;
  /** The status every answer must have. */
  readonly status: number;
}

/** Runs autocannon and keeps every response's latency, so that both paths' percentiles are computed alike. */
export async function httpLoad(label: string, load: HttpLoad, counter: { next: number }): Promise<LoadSample> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url: load.url,
    connections: load.clients,
    duration: load.seconds,
    requests: [
      {
        method: load.method,
        path: load.path,
        headers: load.headers,
        setupRequest: (request) => {
          const i = counter.next++;
          const path = load.pathOf?.(i) ?? load.path;
          if (load.body === undefined) return { ...request, path };
          const { body, headers } = load.body(i);
          return { ...request, path, body, headers: { ...request.headers, ...headers } };
        },
        onResponse: (status, body) => {
          if (status !== load.status) {
            failures += 1;
            firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
          }
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => {
    if (error) fail(error);
    else finish(result);
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === load.status) latenciesMs.push(responseTime);
  });
  const result = await finished;
  if (result.errors > 0) {
    failures += result.errors;
    firstFailure ??= `${result.errors} connection errors, ${result.timeouts} timeouts`;
  }
  return { label, seconds: (performance.now() - started) / 1000, latenciesMs, failures, firstFailure };
}
