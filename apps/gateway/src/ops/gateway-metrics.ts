import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

import { addressMatcher } from '../health/address-list';
import type { OperatorAccess } from './operator-access';

export const GATEWAY_METRIC_NAMES = { httpDuration: 'tic_http_request_duration_seconds' } as const;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The gateway's /metrics: Node's default metrics and every HTTP request by route pattern (never the
 * path itself, whose ids would make a series per resource), method and status. A registry of its own,
 * so that two gateways in one process (tests) keep apart. Prometheus scrapes it from a
 * HEALTH_DETAILS_FROM address; anyone else needs an operator's credential, as for /ops.
 */
export function serveGatewayMetrics(
  fastify: FastifyInstance,
  options: { readonly operatorAddresses: Parameters<typeof addressMatcher>[0]; readonly access: OperatorAccess },
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: GATEWAY_METRIC_NAMES.httpDuration,
    help: 'Time the gateway took to answer an HTTP request, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // Unmatched requests (404s, scanners) share one series whatever their path.
    const route = request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
    duration.observe({ route, method: request.method, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  const operatorAddress = addressMatcher(options.operatorAddresses);
  fastify.get('/metrics', async (request, reply) => {
    if (!operatorAddress(request.ip)) {
      try {
        await options.access.operatorOf(request);
      } catch (error) {
        return options.access.refuse(request, reply, error);
      }
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
