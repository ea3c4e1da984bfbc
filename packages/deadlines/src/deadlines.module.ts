import { type DynamicModule, Module } from '@nestjs/common';

import { CalendarService } from './calendar/calendar.service';
import { CalendarYearApplier } from './calendar/calendar-year-applier';
import { Clock } from './clock/clock';
import { SystemClock } from './clock/system-clock';
import { Deadlines } from './deadlines';
import { DEADLINES_SETTINGS, deadlinesSettings, type DeadlinesModuleOptions } from './deadlines-settings';
import { DeadlineFiring } from './firing/deadline-firing';
import { DeadlineSweep } from './firing/deadline-sweep';
import { DeadlineWorker } from './firing/deadline-worker';
import { DeadlineJobs } from './jobs/deadline-jobs';
import { DeadlineJobsSubscriber } from './jobs/deadline-jobs.subscriber';

/**
 * A service's deadlines: rows in its schema, a BullMQ queue `deadlines-<service>` with its worker,
 * the Postgres sweep and the calendar. Relies on the global PlatformModule for MikroORM and the
 * outbox; the service adds DEADLINE_ENTITIES to its ORM configuration.
 */
@Module({})
export class DeadlinesModule {
  static forService(options: DeadlinesModuleOptions): DynamicModule {
    return {
      module: DeadlinesModule,
      providers: [
        { provide: DEADLINES_SETTINGS, useValue: deadlinesSettings(options) },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        CalendarService,
        CalendarYearApplier,
        DeadlineJobs,
        DeadlineJobsSubscriber,
        DeadlineFiring,
        DeadlineSweep,
        DeadlineWorker,
        Deadlines,
      ],
      exports: [Deadlines, CalendarService, Clock, DeadlineJobs],
    };
  }
}
