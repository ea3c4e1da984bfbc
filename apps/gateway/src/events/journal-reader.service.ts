import { Inject, Injectable } from '@nestjs/common';

import { journalRpc, type ServiceName } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import type { EventsPage, EventsQuery, JournalEvent } from './events.schemas';
import { decodeCursor, encodeCursor, type JournalCursor } from './journal-cursor';

interface Lane {
  readonly service: ServiceName;
  readonly events: readonly JournalEvent[];
  next: number;
}

/**
 * Agencies' catch-up read across services: each service's journal after its own position, merged by
 * event time. The merge takes a prefix of every journal, so the cursor never skips an event.
 */
@Injectable()
export class JournalReader {
  private readonly journals: readonly ReturnType<typeof journalRpc>[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.journals = config.SERVICES.map((service) => journalRpc(service));
  }

  async read(query: EventsQuery): Promise<EventsPage> {
    const cursor = decodeCursor(query.after);
    const lanes: Lane[] = await Promise.all(
      this.journals.map(async (journal) => {
        const page = await this.rpc.request(journal, { after: cursor[journal.service] ?? '0', limit: query.limit });
        return { service: journal.service, events: page.events, next: 0 };
      }),
    );
    const events: JournalEvent[] = [];
    const next: JournalCursor = { ...cursor };
    while (events.length < query.limit) {
      const lane = earliestHead(lanes);
      if (lane === undefined) break;
      const event = lane.events[lane.next++];
      if (event === undefined) break;
      events.push(event);
      next[lane.service] = event.position;
    }
    return { events, nextCursor: encodeCursor(next) };
  }
}

/** The lane whose next event is the earliest (by `time`; on a tie, the first in SERVICES). */
function earliestHead(lanes: readonly Lane[]): Lane | undefined {
  let best: Lane | undefined;
  let bestTime = Infinity;
  for (const lane of lanes) {
    const head = lane.events[lane.next];
    if (head === undefined) continue;
    const time = typeof head.time === 'string' ? Date.parse(head.time) : Number.NaN;
    const key = Number.isNaN(time) ? Infinity : time;
    if (best === undefined || key < bestTime) {
      best = lane;
      bestTime = key;
    }
  }
  return best;
}
