import { Controller, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import type { GatewayReply } from '../http/gateway-request';
import { jsonSchemaOf } from '../routing/json-schema';
import { Route } from '../routing/route.decorator';
import { livenessSchema, readinessSchema, type Readiness } from './readiness';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(private readonly health: ReadinessService) {}

  @Route('GET', '', { summary: 'Gateway liveness', access: 'public', request: z.object({}), response: livenessSchema })
  live() {
    return this.health.liveness();
  }

  @Route('GET', 'ready', {
    summary: 'Readiness: Redis and every service over NATS (503 with the details when anything is down)',
    access: 'public',
    request: z.object({}),
    response: readinessSchema,
  })
  @ApiResponse({
    status: 503,
    description: 'something is down',
    content: { 'application/json': { schema: jsonSchemaOf(readinessSchema, 'output') } },
  })
  async ready(@Res({ passthrough: true }) reply: GatewayReply): Promise<Readiness> {
    const readiness = await this.health.readiness();
    reply.status(readiness.status === 'up' ? 200 : 503);
    return readiness;
  }
}
