import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { centerDirectorySubscription, EventOutbox, ServiceModule } from '@tic/platform';

import { AchievementsHandlers } from './achievements/achievements.handlers';
import { AchievementsService } from './achievements/achievements.service';
import type { EvaluationsConfig } from './config';
import { evaluationCycleSubscription } from './cycle/evaluation-cycle.subscription';
import { EVALUATIONS_ENTITIES } from './entities';
import { RECTIFICATIONS_MODULE } from './rectifications/rectifications.module';
import { REPORTS_MODULE } from './reports/reports.module';
import { reportScheduleSubscription } from './reports/report-schedule.subscription';
import { ROUNDS_MODULE } from './rounds/rounds.module';

export const SERVICE_VERSION = '0.1.0';

/** Annual reports (A27), evaluation rounds (A28–A30) and rectification, with their deadlines. */
@Module({})
export class AppModule {
  /** `clock` lets a test move time; a deployment takes the system clock (or CLOCK_OFFSET_DAYS in end-to-end runs). */
  static forRoot(config: EvaluationsConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forService({
          service: 'evaluations',
          version: SERVICE_VERSION,
          config,
          entities: EVALUATIONS_ENTITIES,
          migrationsPath: join(__dirname, 'migrations'),
          shared: [DeadlinesModule.forRoot(options)],
          subscriptions: {
            inject: [Deadlines, EventOutbox, Clock],
            use: (deadlines: Deadlines, outbox: EventOutbox, clock: Clock) => [
              calendarSubscription(deadlines),
              centerDirectorySubscription(),
              RECTIFICATIONS_MODULE.subscriptions(outbox, deadlines),
              reportScheduleSubscription(deadlines, clock),
              evaluationCycleSubscription(deadlines),
            ],
          },
        }),
      ],
      controllers: [
        ...ROUNDS_MODULE.handlers,
        ...RECTIFICATIONS_MODULE.handlers,
        ...REPORTS_MODULE.handlers,
        AchievementsHandlers,
      ],
      providers: [
        ...ROUNDS_MODULE.providers,
        ...RECTIFICATIONS_MODULE.providers,
        ...REPORTS_MODULE.providers,
        AchievementsService,
      ],
    };
  }
}
