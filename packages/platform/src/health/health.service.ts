import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import type { z } from 'zod';

import type { healthResponse, ServiceName } from '@tic/contracts';

import { NatsConnectionService } from '../nats/nats-connection';

export type Health = z.output<typeof healthResponse>;
type DependencyStatus = Health['dependencies'][string];

/** A dependency the service needs to be ready (Redis for services that schedule deadlines). */
export interface HealthCheck {
  readonly name: string;
  /** Rejects when the dependency is down; a string it resolves to is shown with `up` (a degraded mode, say). */
  check(): Promise<unknown>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** The service's health: its Postgres and NATS connections, plus checks its modules add. */
@Injectable()
export class HealthService {
  constructor(
    private readonly service: ServiceName,
    private readonly version: string,
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly extraChecks: HealthCheck[],
  ) {}

  /** Adds a dependency the service needs (a feature module's Redis, say) to what health reports. */
  register(check: HealthCheck): void {
    this.extraChecks.push(check);
  }

  async health(): Promise<Health> {
    const checks: HealthCheck[] = [
      {
        name: 'postgres',
        check: async () => {
          await this.orm.em.getConnection().execute('select 1');
        },
      },
      {
        name: 'nats',
        check: () => (this.nats.isConnected() ? Promise.resolve() : Promise.reject(new Error('not connected'))),
      },
      ...this.extraChecks,
    ];
    const results = await Promise.all(checks.map(async (c) => [c.name, await run(c)] as const));
    const dependencies = Object.fromEntries(results);
    return {
      service: this.service,
      status: results.every(([, r]) => r.status === 'up') ? 'up' : 'down',
      version: this.version,
      instance: `${hostname()}:${process.pid}`,
      dependencies,
    };
  }
}

async function run(check: HealthCheck): Promise<DependencyStatus> {
  try {
    const detail = await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        setTimeout(() => {
          reject(new Error('no answer within 2 s'));
        }, 2000).unref();
      }),
    ]);
    return typeof detail === 'string' ? { status: 'up', detail } : { status: 'up' };
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  }
}
