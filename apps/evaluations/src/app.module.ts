import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { centerDirectorySubscription, ServiceModule } from '@tic/platform';

import { AchievementsHandlers } from './achievements/achievements.handlers';
import { AchievementsService } from './achievements/achievements.service';
import type { EvaluationsConfig } from './config';
import { EVALUATIONS_ENTITIES } from './entities';
import { REPORTS_MODULE } from './reports/reports.module';
import { reportScheduleSubscription } from './reports/report-schedule.subscription';

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
            inject: [Deadlines, Clock],
            use: (deadlines: Deadlines, clock: Clock) => [
              calendarSubscription(deadlines),
              centerDirectorySubscription(),
              reportScheduleSubscription(deadlines, clock),
            ],
          },
        }),
      ],
      controllers: [...REPORTS_MODULE.handlers, AchievementsHandlers],
      providers: [...REPORTS_MODULE.providers, AchievementsService],
    };
  }
}
