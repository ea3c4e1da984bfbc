let shutdown: (() => Promise<void>) | undefined;

/** Registered by the SDK when it starts; kept apart so that a process without tracing never loads it. */
export function onTelemetryShutdown(fn: () => Promise<void>): void {
  shutdown = fn;
}

/** Exports the spans still buffered and stops the SDK; a no-op when tracing is off. */
export async function stopTelemetry(): Promise<void> {
  const running = shutdown;
  shutdown = undefined;
  await running?.();
}
