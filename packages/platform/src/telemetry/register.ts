/**
 * Imported first by each app's main.ts (`import '@tic/platform/telemetry'`), before anything loads
 * `pg`: starts tracing when the environment asks for it, named after the app's package.
 */
import { startTelemetry } from './telemetry-sdk';
import { serviceNameOf, telemetrySettings } from './telemetry-settings';

startTelemetry(telemetrySettings(process.env, serviceNameOf(process.argv[1])));
