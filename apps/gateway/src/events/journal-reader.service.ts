import { Inject, Injectable, Logger } from '@nestjs/common';

import { journalRpc, type ServiceName } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import type { EventsPage, EventsQuery, JournalEvent, LaggingService } from './events.schemas';
import { decodeCursor, encodeCursor, type JournalCursor } from './journal-cursor';

interface Lane {
  readonly service: ServiceName;
  readonly events: readonly JournalEvent[];
  next: number;
}

/** Unpublished events older than this mean the service's relay is stuck or far behind, not merely busy. */
export const RELAY_LAG_TOLERANCE_MS = 10_000;

/**
 * Agencies' catch-up read across services: each service's journal after its own position, merged by
 * event time. The merge takes a prefix of every journal, so the cursor never skips an event.
 *
 * A service that does not answer (within RPC_TIMEOUT_MS) does not fail the read: the page holds what
 * the others have, the cursor keeps that service's position where it was (so its events come in a
 * later page, after events of other services that are newer: by time order within what was
 * available, never skipped), and `behind` names it. So does a service that answers but whose relay
 * has left events unpublished longer than RELAY_LAG_TOLERANCE_MS.
 */
@Injectable()
export class JournalReader {
  private readonly logger = new Logger(JournalReader.name);
  private readonly journals: readonly ReturnType<typeof journalRpc>[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.journals = config.SERVICES.map((service) => journalRpc(service));
  }

  async read(query: EventsQuery): Promise<EventsPage> {
    const cursor = decodeCursor(query.after);
    const behind: LaggingService[] = [];
    const answers = await Promise.allSettled(
      this.journals.map((journal) =>
        this.rpc.request(journal, { after: cursor[journal.service] ?? '0', limit: query.limit }),
      ),
    );
    const lanes: Lane[] = [];
    for (const [index, answer] of answers.entries()) {
      const service = this.journals[index]?.service;
      if (service === undefined) continue;
      if (answer.status === 'rejected') {
        this.logger.warn(
          `journal of ${service} not read: ${answer.reason instanceof Error ? answer.reason.message : String(answer.reason)}`,
        );
        behind.push({ service, reason: 'unavailable' });
        continue;
      }
      const { backlog } = answer.value;
      if (backlog && backlog.unpublished > 0 && backlog.lagMs > RELAY_LAG_TOLERANCE_MS) {
        behind.push({ service, reason: 'publishing', unpublished: backlog.unpublished, lagMs: backlog.lagMs });
      }
      lanes.push({ service, events: answer.value.events, next: 0 });
    }
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
    return { events, nextCursor: encodeCursor(next), behind };
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
