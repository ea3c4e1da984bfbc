import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';

import { SERVICE_IDENTITY, type ServiceIdentity } from '../platform-config';
import { OwnedMetrics } from './metric-registry';
import type { RpcOutcome } from './rpc-outcome';
import type { RpcErrorCode } from '@tic/contracts';

export const RPC_METRIC_NAMES = {
  duration: 'tic_rpc_duration_seconds',
  refusals: 'tic_rpc_refusals_total',
  errors: 'tic_rpc_errors_total',
} as const;

// From a cached read (milliseconds) to a bulk import (the bulk timeout is tens of seconds).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The service's RPC metrics, labelled by operation: never by an id, so the series stay few. */
@Injectable()
export class RpcMetrics implements OnModuleDestroy {
  private readonly metrics = new OwnedMetrics();
  private readonly duration = this.metrics.create(
    RPC_METRIC_NAMES.duration,
    () =>
      new Histogram({
        name: RPC_METRIC_NAMES.duration,
        help: 'Time a service took to answer an RPC, by operation and outcome (ok, refused, error)',
        labelNames: ['service', 'method', 'outcome'] as const,
        buckets: DURATION_BUCKETS,
      }),
  );
  private readonly refusals = this.metrics.create(
    RPC_METRIC_NAMES.refusals,
    () =>
      new Counter({
        name: RPC_METRIC_NAMES.refusals,
        help: 'RPCs refused because of the request (invalid input, forbidden, not found, conflict, rules), by problem code',
        labelNames: ['service', 'method', 'code'] as const,
      }),
  );
  private readonly errors = this.metrics.create(
    RPC_METRIC_NAMES.errors,
    () =>
      new Counter({
        name: RPC_METRIC_NAMES.errors,
        help: 'RPCs that failed by a fault of the service (an unexpected exception, or a dependency unavailable)',
        labelNames: ['service', 'method'] as const,
      }),
  );

  constructor(@Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity) {}

  get service(): string {
    return this.identity.service;
  }

  /** Starts timing an RPC; the returned function records it once its outcome is known. */
  start(method: string): (outcome: RpcOutcome, code?: RpcErrorCode) => void {
    const labels = { service: this.identity.service, method };
    const stop = this.duration.startTimer(labels);
    return (outcome, code) => {
      stop({ outcome });
      if (outcome === 'refused') this.refusals.inc({ ...labels, code: code ?? 'unknown' });
      if (outcome === 'error') this.errors.inc(labels);
    };
  }

  onModuleDestroy(): void {
    this.metrics.removeAll();
  }
}
