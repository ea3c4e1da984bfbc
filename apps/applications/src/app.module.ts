import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, type Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { rpcClientProvider, ServiceModule } from '@tic/platform';

import { ApplicationApprovalService } from './applications/application-approval.service';
import { ApplicationWorkflowService } from './applications/application-workflow.service';
import { ApplicationsExportService } from './applications/applications-export.service';
import { ApplicationCoBuildersService } from './applications/application-co-builders.service';
import { ApplicationsHandlers } from './applications/applications.handlers';
import { ApplicationsService } from './applications/applications.service';
import { CalendarPublicationService } from './calendar/calendar-publication.service';
import { CallsService } from './calls/calls.service';
import { CentersHandlers } from './centers/centers.handlers';
import { CenterPreparationService } from './centers/center-preparation.service';
import { CentersService } from './centers/centers.service';
import { ChangeWorkflowService } from './changes/change-workflow.service';
import { ChangesHandlers } from './changes/changes.handlers';
import { ChangesService } from './changes/changes.service';
import { CommitteeReviews } from './changes/committee-reviews';
import type { ApplicationsConfig } from './config';
import { APPLICATIONS_ENTITIES } from './entities';
import { NoticesHandlers } from './notices/notices.handlers';
import { NoticesService } from './notices/notices.service';
import { ObjectionsService } from './notices/objections.service';
import { OrganizationsHandlers } from './organizations/organizations.handlers';
import { OrganizationsService } from './organizations/organizations.service';
import { ReviewsHandlers } from './reviews/reviews.handlers';
import { ReviewsService } from './reviews/reviews.service';

export const SERVICE_VERSION = '0.1.0';

/** The applications service: calls, applications and approval, expert review, public notice, the registry. */
@Module({})
export class AppModule {
  /** `clock` lets a test move time; a deployment takes the system clock (or CLOCK_OFFSET_DAYS in end-to-end runs). */
  static forRoot(config: ApplicationsConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forService({
          service: 'applications',
          version: SERVICE_VERSION,
          config,
          entities: APPLICATIONS_ENTITIES,
          migrationsPath: join(__dirname, 'migrations'),
          shared: [DeadlinesModule.forRoot(options)],
          subscriptions: { inject: [Deadlines], use: (deadlines: Deadlines) => [calendarSubscription(deadlines)] },
        }),
      ],
      controllers: [
        ApplicationsHandlers,
        OrganizationsHandlers,
        ReviewsHandlers,
        NoticesHandlers,
        CentersHandlers,
        ChangesHandlers,
      ],
      providers: [
        ApplicationsService,
        ApplicationWorkflowService,
        ApplicationApprovalService,
        ApplicationsExportService,
        ApplicationCoBuildersService,
        OrganizationsService,
        CallsService,
        ReviewsService,
        NoticesService,
        ObjectionsService,
        CentersService,
        CenterPreparationService,
        CalendarPublicationService,
        ChangesService,
        ChangeWorkflowService,
        // A26: asks the personnel registry for the management committee's reviews (as the caller who asks).
        rpcClientProvider('applications'),
        CommitteeReviews,
      ],
    };
  }
}
