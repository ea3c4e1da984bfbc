import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { centerDirectorySubscription, ServiceModule } from '@tic/platform';

import { AllocationDecisionsService } from './allocations/allocation-decisions.service';
import { AllocationsService } from './allocations/allocations.service';
import type { FundingConfig } from './config';
import { FUNDING_ENTITIES } from './entities';
import { ExecutionService } from './execution/execution.service';
import { FundingHandlers } from './funding.handlers';
import { FUNDING_CONFIG, MidyearCheck } from './allocations/midyear-check';
import { LedgerService } from './ledger/ledger.service';
import { MisuseService } from './misuse/misuse.service';
import { proposalRecordingSubscription } from './proposals/proposal-recording.subscription';
import { ProposalsService } from './proposals/proposals.service';
import { SourcesService } from './sources/sources.service';

export const SERVICE_VERSION = '0.1.0';

/** Provincial funds (A32–A36): allocations, the separate ledger, sources, performance and misuse. */
@Module({})
export class AppModule {
  /** `clock` lets a test decide what day it is; a deployment takes the system clock. */
  static forRoot(config: FundingConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forService({
          service: 'funding',
          version: SERVICE_VERSION,
          config,
          entities: FUNDING_ENTITIES,
          migrationsPath: join(__dirname, 'migrations'),
          shared: [DeadlinesModule.forRoot(options)],
          subscriptions: {
            inject: [Deadlines],
            use: (deadlines: Deadlines) => [
              calendarSubscription(deadlines),
              centerDirectorySubscription(),
              proposalRecordingSubscription(),
            ],
          },
        }),
      ],
      controllers: [FundingHandlers],
      providers: [
        { provide: FUNDING_CONFIG, useValue: config },
        MidyearCheck,
        AllocationsService,
        AllocationDecisionsService,
        LedgerService,
        ProposalsService,
        SourcesService,
        MisuseService,
        ExecutionService,
      ],
    };
  }
}
