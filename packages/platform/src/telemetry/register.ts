/**
 * Imported first by each app's main.ts (`import '@tic/platform/telemetry'`), before anything loads
 * `pg`: starts tracing when the environment asks for it, named after the app's package.
 */
import type * as TelemetrySdk from './telemetry-sdk';
import { serviceNameOf, telemetrySettings } from './telemetry-settings';

const settings = telemetrySettings(process.env, serviceNameOf(process.argv[1]));
if (settings.enabled) {
  // Required only when on (the SDK takes a second or more to load here), and synchronously: an
  // import() would let the app load `pg` before the instrumentations are in place.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTelemetry } = require('./telemetry-sdk') as typeof TelemetrySdk;
  startTelemetry(settings);
}
