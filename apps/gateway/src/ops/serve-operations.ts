import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { BearerAuthenticator } from '../auth/bearer-authenticator';
import { OrganizationFit } from '../auth/organization-fit';
import type { GatewayConfig } from '../config/gateway-config';
import { serveDeadlineQueues } from './deadline-queues-board';
import { serveGatewayMetrics } from './gateway-metrics';
import { OperatorAccess } from './operator-access';
import { serveOpsSession } from './ops-session';

/**
 * What operators look at, beside the API: /metrics for Prometheus, the deadline queues at /ops/queues
 * and the browser sign-in for them. Plain Fastify routes, outside /api/v1 and its OpenAPI document.
 */
export function serveOperations(app: NestFastifyApplication, config: GatewayConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const access = new OperatorAccess(app.get(BearerAuthenticator), app.get(OrganizationFit), config.PROBLEM_TYPE_BASE);
  serveGatewayMetrics(fastify, { operatorAddresses: config.HEALTH_DETAILS_FROM, access });
  serveOpsSession(fastify, access);
  serveDeadlineQueues(fastify, config, access);
}
