import { Inject, Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import type { z } from 'zod';

import { healthRpc } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { GATEWAY_VERSION } from '../package-version';
import { RedisConnection } from '../redis/redis-connection';
import type { livenessSchema, Readiness, ReadinessCheck } from './readiness';

/** Liveness of the gateway, and readiness: Redis answers PING and every service answers health over NATS, all up. */
@Injectable()
export class ReadinessService {
  private readonly healthRpcs: readonly ReturnType<typeof healthRpc>[];

  constructor(
    private readonly rpc: RpcClient,
    private readonly redis: RedisConnection,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.healthRpcs = config.SERVICES.map((service) => healthRpc(service));
  }

  liveness(): z.output<typeof livenessSchema> {
    return { status: 'up', service: 'gateway', version: GATEWAY_VERSION, instance: `${hostname()}:${process.pid}` };
  }

  async readiness(): Promise<Readiness> {
    const checks = await Promise.all([
      this.redisCheck().then((result) => ['redis', result] as const),
      ...this.healthRpcs.map(async (definition) => [definition.service, await this.serviceCheck(definition)] as const),
    ]);
    return { status: checks.every(([, c]) => c.status === 'up') ? 'up' : 'down', checks: Object.fromEntries(checks) };
  }

  // Details are words of our own: a driver's message names hosts and ports (ECONNREFUSED 10.0.0.5:6379).
  private async redisCheck(): Promise<ReadinessCheck> {
    try {
      await this.redis.client.ping();
      return { status: 'up' };
    } catch {
      return { status: 'down', detail: 'Redis does not answer' };
    }
  }

  private async serviceCheck(definition: ReturnType<typeof healthRpc>): Promise<ReadinessCheck> {
    try {
      const health = await this.rpc.request(definition, {});
      const dependencies = Object.fromEntries(
        Object.entries(health.dependencies).map(([name, dependency]) => [name, { status: dependency.status }]),
      );
      return { status: health.status, instance: health.instance, version: health.version, dependencies };
    } catch {
      return { status: 'down', detail: 'does not answer over NATS' };
    }
  }
}
