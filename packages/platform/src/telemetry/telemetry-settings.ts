import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Whether this process exports traces, and under which service name. */
export interface TelemetrySettings {
  readonly enabled: boolean;
  /** Passed to the SDK only when OTEL_SERVICE_NAME is unset: the standard variable wins. */
  readonly serviceName?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Tracing is off unless something asks for it (an OTLP endpoint, or an exporter such as `console`):
 * tests and local runs without a collector then pay for no span at all. OTEL_SDK_DISABLED always wins.
 */
export function telemetrySettings(env: Env, defaultServiceName: string | undefined): TelemetrySettings {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const disabled = (env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true';
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim());
  const asked =
    set('OTEL_EXPORTER_OTLP_ENDPOINT') ||
    set('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ||
    exporters.some((name) => name !== '' && name !== 'none');
  const enabled = !disabled && asked && !exporters.includes('none');
  return {
    enabled,
    ...(set('OTEL_SERVICE_NAME') || defaultServiceName === undefined ? {} : { serviceName: defaultServiceName }),
  };
}

/**
 * The service a main script belongs to: the name of the nearest package.json above it, without its
 * scope (`apps/funding/dist/main.js` → `@tic/funding` → `funding`).
 */
export function serviceNameOf(mainScript: string | undefined): string | undefined {
  if (!mainScript) return undefined;
  for (let dir = dirname(mainScript); ; dir = dirname(dir)) {
    const name = packageName(join(dir, 'package.json'));
    if (name) return name.replace(/^@[^/]+\//, '');
    if (dirname(dir) === dir) return undefined;
  }
}

function packageName(path: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' && parsed.name !== '' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}
