import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

import { startTelemetry } from '../telemetry/telemetry-sdk';
import { stopTelemetry } from '../telemetry/telemetry-shutdown';

/** Spans a test's own process records, in memory, with the same SDK set-up a service runs. */
export interface SpanRecorder {
  /** The spans finished so far (the processor may still be waiting for a resource's attributes). */
  spans(): Promise<readonly ReadableSpan[]>;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * Starts tracing in the test process (once per test file), keeping every finished span. Imported from
 * `@tic/platform/testing/spans`, apart from the other helpers: it loads the whole SDK.
 */
export function recordSpans(serviceName = 'test'): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  startTelemetry({ enabled: true, serviceName }, [processor]);
  return {
    spans: async () => {
      await processor.forceFlush();
      return exporter.getFinishedSpans();
    },
    reset: () => {
      exporter.reset();
    },
    stop: () => stopTelemetry(),
  };
}
