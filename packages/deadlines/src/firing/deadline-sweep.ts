import { MikroORM } from '@mikro-orm/postgresql';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';

import { newCorrelationId, runInCallContext } from '@tic/platform';

import { Clock } from '../clock/clock';
import { dueDateCondition, dueDateSql } from '../clock/due-date-source';
import { DEADLINES_SETTINGS, type DeadlinesSettings } from '../deadlines-settings';
import { Deadline } from '../entities/deadline.entity';
import { DeadlineReminder } from '../entities/deadline-reminder.entity';
import { qualifiedTable } from '../entities/qualified-table';
import { DeadlineJobs } from '../jobs/deadline-jobs';
import { DeadlineFiring } from './deadline-firing';

export interface SweepResult {
  readonly fired: number;
  readonly reminded: number;
}

// A pass takes this many of each; a backlog (after a long outage) drains over the next passes.
const BATCH = 1000;

/**
 * Redis here keeps nothing on disk, so Postgres is swept: every pending deadline whose due date has
 * passed is fired and every due reminder sent, whatever happened to their jobs, Redis up or down.
 * Bringing back the jobs a Redis restart lost is DeadlineJobs' part; a pass reminds it.
 */
@Injectable()
export class DeadlineSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineSweep.name);
  private timer?: NodeJS.Timeout;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(DEADLINES_SETTINGS) private readonly settings: DeadlinesSettings,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly firing: DeadlineFiring,
    private readonly jobs: DeadlineJobs,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.sweepIntervalMs > 0) {
      this.timer = setInterval(() => {
        this.sweep().catch((error: unknown) => {
          this.logger.error(`deadline sweep failed: ${String(error)}`);
        });
      }, this.settings.sweepIntervalMs);
    }
  }

  /** One pass now; passes never overlap within an instance, so this waits for a running one. */
  sweep(): Promise<SweepResult> {
    const next = this.last
      .catch(() => undefined)
      .then(() => runInCallContext({ correlationId: newCorrelationId() }, () => this.pass()));
    this.last = next;
    return next;
  }

  private async pass(): Promise<SweepResult> {
    this.jobs.rederive();
    const source = this.clock.dueDateSource();
    const em = this.orm.em.fork();
    // Fires first, so that an overdue deadline gets no late reminder.
    const overdue: { id: string }[] = await em
      .createQueryBuilder(Deadline)
      .select('id')
      .where({ state: 'pending' })
      .andWhere(...dueDateCondition('due_on', '<', source))
      .orderBy({ dueOn: 'asc' })
      .limit(BATCH)
      .execute('all');
    let fired = 0;
    for (const { id } of overdue) if (await this.attempt(() => this.firing.fire(id), `fire ${id}`)) fired += 1;

    const today = dueDateSql(source);
    const reminders = await em.execute<{ deadline_id: string; days_before: number }[]>(
      `select r.deadline_id, r.days_before from ${qualifiedTable(em, DeadlineReminder)} r
         join ${qualifiedTable(em, Deadline)} d on d.id = r.deadline_id
        where r.sent_at is null and r.remind_on <= ${today.sql} and d.state = 'pending' and d.due_on >= ${today.sql}
        order by r.remind_on limit ${BATCH}`,
      [...today.params, ...today.params],
    );
    let reminded = 0;
    for (const r of reminders) {
      if (await this.attempt(() => this.firing.remind(r.deadline_id, r.days_before), `remind ${r.deadline_id}`))
        reminded += 1;
    }
    if (fired + reminded > 0) this.logger.log(`sweep: ${fired} deadline(s) fired, ${reminded} reminder(s) sent`);
    return { fired, reminded };
  }

  // One deadline whose owner's handler fails must not hold back the others; the next pass retries it.
  private async attempt(work: () => Promise<boolean>, what: string): Promise<boolean> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`sweep could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.last.catch(() => undefined);
  }
}
