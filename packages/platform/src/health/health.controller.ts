import { Controller, Get, HttpCode, Res, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

import { healthRpc, type ServiceName } from '@tic/contracts';

import { HealthService, type Health } from './health.service';

interface StatusReply {
  status(code: number): unknown;
}

/**
 * Health over NATS (`tic.rpc.<service>.health`) and HTTP (`GET /health`, 503 when a dependency is down),
 * and liveness (`GET /health/live`): the process answers, whatever its dependencies. Kubernetes restarts
 * a container on failed liveness, which would not bring a Postgres outage to an end.
 */
export function healthController(service: ServiceName): Type {
  @Controller()
  class ServiceHealthController {
    constructor(private readonly health: HealthService) {}

    @MessagePattern(healthRpc(service).subject)
    overNats(): Promise<Health> {
      return this.health.health();
    }

    @Get('health')
    @HttpCode(200)
    async overHttp(@Res({ passthrough: true }) reply: StatusReply): Promise<Health> {
      const health = await this.health.health();
      if (health.status !== 'up') reply.status(503);
      return health;
    }

    @Get('health/live')
    @HttpCode(200)
    live(): { service: ServiceName; status: 'up' } {
      return { service, status: 'up' };
    }
  }
  return ServiceHealthController;
}
