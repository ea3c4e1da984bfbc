import { z } from 'zod';

import { SERVICE_NAMES, type ServiceName } from '../schemas';
import { defineRpc } from './define-rpc';

const dependencyStatus = z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() });

export const healthResponse = z.object({
  service: z.enum(SERVICE_NAMES),
  status: z.enum(['up', 'down']),
  version: z.string(),
  instance: z.string().describe('host name and process id of the instance that answered'),
  dependencies: z.record(z.string(), dependencyStatus),
});

/** `tic.rpc.<service>.health`: each service answers health over NATS (CONTRACT.md). */
export function healthRpc(service: ServiceName) {
  return defineRpc({
    service,
    operation: 'health',
    summary: `Health of the ${service} service and of its Postgres, NATS and Redis connections`,
    request: z.object({}),
    response: healthResponse,
  });
}
