import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';

import { parseEvent } from '@tic/contracts';

import type { EventApplier } from './event-applier';
import type { EventSubscription } from './event-subscription';
import { ParkedEvent } from './parked-event.entity';
import { isTransientFailure } from './transient-failure';

export interface ReplayFilter {
  /** One consumer (`<service>-<subscription>`); all of the service's by default. */
  readonly consumer?: string;
  /** Only these parked rows. */
  readonly ids?: readonly string[];
}

export interface ReplayReport {
  /** Applied now, or found already applied: marked replayed. */
  readonly replayed: number;
  /** Still parked: failing again, still malformed, or behind one of those. */
  readonly stillParked: number;
}

/**
 * Replays parked events through the handler and the version guard that parked them, in version
 * order per aggregate, so that a held event follows the one it waited for. Rows are marked
 * replayed in the transaction that applies them, and never deleted.
 */
export class ParkedEventReplayer {
  private readonly logger = new Logger(ParkedEventReplayer.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly applier: EventApplier,
    private readonly subscriptions: ReadonlyMap<string, EventSubscription>,
  ) {}

  async replay(filter: ReplayFilter): Promise<ReplayReport> {
    const where = {
      replayedAt: null,
      consumer: filter.consumer ?? { $in: [...this.subscriptions.keys()] },
      ...(filter.ids ? { id: { $in: [...filter.ids] } } : {}),
    };
    let replayed = 0;
    // A pass can unblock rows it saw before their predecessor; stop when a pass changes nothing.
    for (let progress = true; progress;) {
      progress = false;
      const rows = await this.orm.em.fork().find(ParkedEvent, where, {
        orderBy: { consumer: 'asc', aggregateId: 'asc', aggregateVersion: 'asc', id: 'asc' },
      });
      for (const row of rows) {
        if (await this.replayOne(row)) {
          replayed++;
          progress = true;
        }
      }
    }
    const stillParked = await this.orm.em.fork().count(ParkedEvent, where);
    return { replayed, stillParked };
  }

  private async replayOne(row: ParkedEvent): Promise<boolean> {
    const subscription = this.subscriptions.get(row.consumer);
    if (!subscription) return false;
    let raw: unknown;
    try {
      raw = JSON.parse(row.payload);
    } catch {
      await this.note(row, 'not JSON');
      return false;
    }
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      await this.note(row, parsed.errors.map((e) => `${e.path} ${e.message}`).join('; '));
      return false;
    }
    try {
      const outcome = await this.applier.apply(row.consumer, subscription, parsed.event, {
        replaying: row.id,
        clearFailures: true,
      });
      return outcome.kind === 'applied' || outcome.kind === 'old';
    } catch (error) {
      // The database is away: stop, the operator runs the command again; nothing was decided.
      if (isTransientFailure(error)) throw error;
      await this.note(row, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private async note(row: ParkedEvent, message: string): Promise<void> {
    this.logger.warn(`${row.consumer}: parked event ${row.id} not replayed: ${message}`);
    await this.orm.em.fork().nativeUpdate(
      ParkedEvent,
      { id: row.id },
      {
        replayAttempts: row.replayAttempts + 1,
        errors: [...row.errors, { path: '', message: `replay ${row.replayAttempts + 1}: ${message}` }],
      },
    );
  }
}
