import { z } from 'zod';

import type { ServiceName } from '../schemas';
import { defineRpc } from './define-rpc';

const journalEvent = z.looseObject({ id: z.string(), type: z.string(), position: z.string() });

/** `tic.rpc.<service>.events.list`: a service's event journal after a position (agencies' catch-up read). */
export function journalRpc(service: ServiceName) {
  return defineRpc({
    service,
    operation: 'events.list',
    summary: `Events of the ${service} service after a journal position, in publication order`,
    request: z.object({
      after: z.string().regex(/^\d+$/).default('0'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: z.object({
      events: z.array(journalEvent),
      next: z.string(),
      // Optional: what the service's relay has not published yet (a stuck relay shows here first).
      backlog: z.object({ unpublished: z.number().int().min(0), lagMs: z.number().min(0) }).optional(),
    }),
  });
}
