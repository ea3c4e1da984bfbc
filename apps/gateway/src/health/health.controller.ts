import { Controller, Inject, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request';
import { ProblemException } from '../http/problem.exception';
import { Route } from '../routing/route.decorator';
import { addressMatcher } from './address-list';
import { LocalRateLimit } from './local-rate-limit';
import { livenessSchema, readinessSchema, type Readiness } from './readiness';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly operatorAddress: (address: string) => boolean;
  private readonly anonymousLimit: LocalRateLimit;

  constructor(
    private readonly health: ReadinessService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.operatorAddress = addressMatcher(config.HEALTH_DETAILS_FROM);
    this.anonymousLimit = new LocalRateLimit(config.RATE_LIMIT_HEALTH, config.RATE_LIMIT_WINDOW_MS);
  }

  @Route('GET', '', { summary: 'Gateway liveness', access: 'public', request: z.object({}), response: livenessSchema })
  live() {
    return this.health.liveness();
  }

  @Route('GET', 'ready', {
    summary:
      'Readiness: Redis and every service over NATS (503 when anything is down). The checks only for operators (HEALTH_DETAILS_FROM addresses, or a dst_admin token); others get the status, throttled per address',
    access: 'public',
    request: z.object({}),
    response: readinessSchema,
    alsoAnswers: { 503: { description: 'something is down (the readiness body)', schema: readinessSchema } },
  })
  async ready(@Req() request: GatewayRequest, @Res({ passthrough: true }) reply: GatewayReply): Promise<Readiness> {
    const operator = request.caller?.role === 'dst_admin' || this.operatorAddress(request.ip);
    const wait = operator ? undefined : this.anonymousLimit.hit(request.ip);
    if (wait !== undefined) {
      throw ProblemException.of(
        'rate_limited',
        { zh: '就绪检查过于频繁，请稍后再试', en: 'Too many readiness checks from this address' },
        { headers: { 'retry-after': String(wait) } },
      );
    }
    const readiness = await this.health.readiness();
    reply.status(readiness.status === 'up' ? 200 : 503);
    return operator ? readiness : { status: readiness.status };
  }
}
