import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

import { DEADLINE_KINDS } from '@tic/domain';

import type { GatewayConfig } from '../config/gateway-config';
import type { OperatorAccess } from './operator-access';

export const DEADLINE_QUEUES_PATH = '/ops/queues';

/** The services that own deadlines (each has a BullMQ queue `deadlines-<service>`), among those the gateway fronts. */
export function deadlineQueueOwners(services: readonly string[]): string[] {
  const owners = new Set<string>(Object.values(DEADLINE_KINDS).map((kind) => kind.owner));
  return services.filter((service) => owners.has(service));
}

/**
 * Bull Board over every service's deadline queue, for operators only, and read-only: the jobs are
 * wake-ups derived from the deadline rows in Postgres, which a job's retry, removal or cleaning
 * cannot change; the sweep already re-runs whatever failed. An action could only hide a wake-up or
 * confuse the record of what ran, so the board shows and does nothing else (its actions answer 405).
 */
export function serveDeadlineQueues(fastify: FastifyInstance, config: GatewayConfig, access: OperatorAccess): void {
  const queues = deadlineQueueOwners(config.SERVICES).map(
    (service) =>
      new Queue(`deadlines-${service}`, {
        prefix: config.QUEUE_PREFIX,
        // Read-only queues: an operator's page answers promptly with an error while Redis is away, rather
        // than waiting for it (no Worker here needs the blocking commands' unlimited retries).
        connection: {
          url: config.REDIS_URL,
          maxRetriesPerRequest: 1,
          commandTimeout: 2000,
          lazyConnect: true,
        },
      }),
  );
  const board = new BullBoardFastifyAdapter();
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'TIC deadlines' } },
  });
  board.setBasePath(DEADLINE_QUEUES_PATH);
  void fastify.register(async (scope) => {
    scope.addHook('onRequest', access.guard);
    await scope.register(board.registerPlugin(), { prefix: DEADLINE_QUEUES_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close()));
  });
}
