import { LockMode, raw, type QueryResult } from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';

import { DeadlineOverdue, DeadlineReminder as DeadlineReminderEvent } from '@tic/contracts';
import type { DeadlineKind } from '@tic/domain';
import { EventOutbox } from '@tic/platform';

import { Clock } from '../clock/clock';
import { dueDateCondition } from '../clock/due-date-source';
import { Deadline } from '../entities/deadline.entity';
import { DeadlineReminder } from '../entities/deadline-reminder.entity';
import { DeadlineJobsSubscriber } from '../jobs/deadline-jobs.subscriber';
import { deadlineEventData } from './deadline-event-data';
import { DeadlineMetrics } from './deadline-metrics';

/** The owner's reaction to a deadline that passed, run in the transaction that fires it. */
export type FireHandler = (em: EntityManager, deadline: Deadline) => Promise<void>;

// A13(4): a public notice is a period that simply ends; its end is nobody's failure to act.
// A34–A36: the funding service's mid-year check is a date on which it looks, not a duty anyone misses.
const PERIODS_THAT_END: ReadonlySet<DeadlineKind> = new Set<DeadlineKind>(['D-public-notice', 'D-funding-midyear']);
// The kinds are constants of @tic/domain, not input: safe to spell out in SQL.
const PUBLISHES_OVERDUE_SQL = `(case when kind in (${[...PERIODS_THAT_END].map((k) => `'${k}'`).join(', ')}) then 0 else 1 end)`;

/**
 * Fires deadlines and sends reminders, each behind one conditional update, so that however many
 * triggers arrive (jobs, sweeps, several instances) the event is written once. Whether something is
 * due is decided in that update on the clock's due-date source: the database's date in production.
 */
@Injectable()
export class DeadlineFiring {
  private readonly logger = new Logger(DeadlineFiring.name);
  private readonly handlers = new Map<DeadlineKind, FireHandler>();

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
    private readonly afterCommit: DeadlineJobsSubscriber,
    private readonly metrics: DeadlineMetrics,
  ) {}

  onFire(kind: DeadlineKind, handler: FireHandler): void {
    if (this.handlers.has(kind)) throw new Error(`a fire handler for ${kind} is already registered`);
    this.handlers.set(kind, handler);
  }

  /** Fires the deadline if it is pending and its due date has passed; true when this call fired it. */
  async fire(id: string): Promise<boolean> {
    const source = this.clock.dueDateSource();
    const fired = await this.transaction(async (em) => {
      // pending → fired only once the last allowed day is over: the row comes back to one caller only.
      const rows: Record<string, unknown>[] = await em
        .createQueryBuilder(Deadline)
        .update({
          state: 'fired',
          firedAt: this.clock.now(),
          version: raw('version + 1'),
          eventVersion: raw(`event_version + ${PUBLISHES_OVERDUE_SQL}`),
        })
        .where({ id, state: 'pending' })
        .andWhere(...dueDateCondition('due_on', '<', source))
        .returning('*')
        .execute('all', false);
      const row = rows[0];
      if (row === undefined) return undefined;
      const deadline = em.map(Deadline, row);
      if (!PERIODS_THAT_END.has(deadline.kind)) {
        this.outbox.record(em, DeadlineOverdue, {
          subject: id,
          aggregateVersion: deadline.eventVersion,
          data: deadlineEventData(deadline),
        });
      }
      await this.handlers.get(deadline.kind)?.(em, deadline);
      this.afterCommit.track(em, [id]);
      return deadline;
    });
    if (fired) {
      this.logger.log(`deadline ${id} (${fired.kind}) due ${fired.dueOn} has passed`);
      this.metrics.fired(fired);
    }
    return fired !== undefined;
  }

  /** Sends the reminder if it is due and the deadline still pending and not overdue; true when this call sent it. */
  async remind(id: string, daysBefore: number): Promise<boolean> {
    const source = this.clock.dueDateSource();
    return this.transaction(async (em) => {
      // The lock orders this against a firing or another reminder of the same deadline.
      const deadline = await em
        .createQueryBuilder(Deadline)
        .select('*')
        .where({ id, state: 'pending' })
        .andWhere(...dueDateCondition('due_on', '>=', source))
        .setLockMode(LockMode.PESSIMISTIC_WRITE)
        .getSingleResult();
      if (!deadline) return false;
      const sent = await em
        .createQueryBuilder(DeadlineReminder)
        .update({ sentAt: this.clock.now() })
        .where({ deadlineId: id, daysBefore, sentAt: null })
        .andWhere(...dueDateCondition('remind_on', '<=', source))
        .execute<QueryResult<DeadlineReminder>>('run');
      if (sent.affectedRows === 0) return false;
      deadline.version += 1;
      deadline.eventVersion += 1;
      this.outbox.record(em, DeadlineReminderEvent, {
        subject: id,
        aggregateVersion: deadline.eventVersion,
        data: { ...deadlineEventData(deadline), daysBefore },
      });
      return true;
    });
  }

  private transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional(work);
  }
}
