import { type DynamicModule, Module, type Provider } from '@nestjs/common';

import type { DeadlineOwner } from '@tic/domain';
import { HealthService, PLATFORM_CONFIG, SERVICE_IDENTITY, type ServiceIdentity } from '@tic/platform';

import { CalendarService } from './calendar/calendar.service';
import { CalendarYearApplier } from './calendar/calendar-year-applier';
import { Clock } from './clock/clock';
import { ShiftedClock } from './clock/shifted-clock';
import { SystemClock } from './clock/system-clock';
import { Deadlines } from './deadlines';
import {
  DEADLINES_SETTINGS,
  deadlinesOptionsFromConfig,
  deadlinesSettings,
  type DeadlinesConfig,
  type DeadlinesModuleOptions,
} from './deadlines-settings';
import { DeadlineFiring } from './firing/deadline-firing';
import { DeadlineMetrics } from './firing/deadline-metrics';
import { DeadlineSweep } from './firing/deadline-sweep';
import { DeadlineWorker } from './firing/deadline-worker';
import { DeadlineJobs } from './jobs/deadline-jobs';
import { DeadlineJobsSubscriber } from './jobs/deadline-jobs.subscriber';
import { REDIS_HEALTH_CHECK, RedisHealthCheck } from './redis-health-check';

const WORKERS = [
  CalendarService,
  CalendarYearApplier,
  DeadlineJobs,
  DeadlineJobsSubscriber,
  DeadlineFiring,
  DeadlineMetrics,
  DeadlineSweep,
  DeadlineWorker,
  Deadlines,
];
const EXPORTS = [Deadlines, CalendarService, Clock, DeadlineJobs];

/**
 * A service's deadlines: rows in its schema, a BullMQ queue `deadlines-<service>` with its worker,
 * the Postgres sweep and the calendar. Relies on the global PlatformModule for MikroORM and the
 * outbox; the service adds DEADLINE_ENTITIES to its ORM configuration.
 */
const OWNERS: readonly string[] = [
  'applications',
  'personnel',
  'evaluations',
  'funding',
] satisfies readonly DeadlineOwner[];

function deadlineOwner(service: string): DeadlineOwner {
  if (!OWNERS.includes(service)) throw new Error(`the ${service} service owns no deadlines`);
  return service as DeadlineOwner;
}

@Module({})
export class DeadlinesModule {
  static forService(options: DeadlinesModuleOptions): DynamicModule {
    return {
      module: DeadlinesModule,
      providers: [
        { provide: DEADLINES_SETTINGS, useValue: deadlinesSettings(options) },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        ...WORKERS,
      ],
      exports: EXPORTS,
    };
  }

  /**
   * The same, for a service on ServiceModule: the service and its settings (REDIS_URL, QUEUE_PREFIX,
   * DEADLINE_SWEEP_INTERVAL_MS, CLOCK_OFFSET_DAYS) come from the platform, and Redis joins its health.
   */
  static forRoot(options: { readonly clock?: Clock } = {}): DynamicModule {
    const providers: Provider[] = [
      {
        provide: DEADLINES_SETTINGS,
        inject: [SERVICE_IDENTITY, PLATFORM_CONFIG],
        useFactory: (identity: ServiceIdentity, config: DeadlinesConfig) =>
          deadlinesSettings(deadlinesOptionsFromConfig(deadlineOwner(identity.service), config)),
      },
      {
        provide: Clock,
        inject: [PLATFORM_CONFIG],
        useFactory: (config: DeadlinesConfig) =>
          options.clock ??
          (config.CLOCK_OFFSET_DAYS === undefined || config.CLOCK_OFFSET_DAYS === 0
            ? new SystemClock()
            : new ShiftedClock(config.CLOCK_OFFSET_DAYS)),
      },
      {
        provide: REDIS_HEALTH_CHECK,
        inject: [HealthService, PLATFORM_CONFIG],
        useFactory: (health: HealthService, config: DeadlinesConfig) => {
          const check = new RedisHealthCheck(config.REDIS_URL);
          health.register(check);
          return check;
        },
      },
      ...WORKERS,
    ];
    return { module: DeadlinesModule, providers, exports: EXPORTS };
  }
}
