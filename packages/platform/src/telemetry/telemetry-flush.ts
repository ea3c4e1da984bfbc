import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

import { stopTelemetry } from './telemetry-shutdown';

/** Exports the spans still buffered when the application shuts down (last, after NATS drained). */
@Injectable()
export class TelemetryFlush implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTelemetry();
  }
}
