import type { Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { ConsumerMetrics } from './consumer-metrics';
import { OutboxMetrics } from './outbox-metrics';
import { RpcMetrics } from './rpc-metrics';
import { RpcMetricsInterceptor } from './rpc-metrics.interceptor';

/**
 * The metrics every service exports besides the defaults: RPCs by operation and outcome, the outbox
 * lag, and its consumers' pending and parked events. The interceptor is global, so the microservice
 * (which inherits the application's configuration) times every RPC handler.
 */
export const PLATFORM_METRICS_PROVIDERS: readonly Provider[] = [
  RpcMetrics,
  { provide: APP_INTERCEPTOR, useClass: RpcMetricsInterceptor },
  OutboxMetrics,
  ConsumerMetrics,
];
