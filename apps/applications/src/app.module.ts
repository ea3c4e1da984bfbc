import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { EventOutbox, ServiceModule } from '@tic/platform';

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
import { CenterRegistrationService } from './centers/center-registration.service';
import { centerStatusSubscriptions } from './centers/center-status.subscriptions';
import { CentersService } from './centers/centers.service';
import { CHANGES_MODULE } from './changes/changes.module';
import type { ApplicationsConfig } from './config';
import { APPLICATIONS_ENTITIES } from './entities';
import { NoticesHandlers } from './notices/notices.handlers';
import { NoticesService } from './notices/notices.service';
import { ObjectionsService } from './notices/objections.service';
import { OrganizationAnnouncer } from './organizations/organization-announcer';
import { OrganizationsHandlers } from './organizations/organizations.handlers';
import { OrganizationsService } from './organizations/organizations.service';
import { AcceptanceDrawHandlers } from './reviews/acceptance-draw.handlers';
import { AcceptanceDrawService } from './reviews/acceptance-draw.service';
import { ReviewsHandlers } from './reviews/reviews.handlers';
import { ReviewsService } from './reviews/reviews.service';
import { REVOCATION_MODULE } from './revocations/revocations.module';
import { CenterRegistryExportService } from './public-record/center-registry-export.service';
import { PublicDirectoryService } from './public-record/public-directory.service';
import { PublicRecordHandlers } from './public-record/public-record.handlers';
import {
  centerAnnouncementsSubscription,
  evaluationAnnouncementsSubscription,
} from './public-record/public-record.subscriptions';

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
          subscriptions: {
            inject: [Deadlines, EventOutbox, Clock],
            use: (deadlines: Deadlines, outbox: EventOutbox, clock: Clock) => [
              calendarSubscription(deadlines),
              ...REVOCATION_MODULE.subscriptions(outbox, clock, deadlines),
              ...centerStatusSubscriptions(outbox, deadlines),
              centerAnnouncementsSubscription(),
              evaluationAnnouncementsSubscription(),
            ],
          },
        }),
      ],
      controllers: [
        ApplicationsHandlers,
        OrganizationsHandlers,
        ReviewsHandlers,
        NoticesHandlers,
        CentersHandlers,
        ...REVOCATION_MODULE.handlers,
        PublicRecordHandlers,
        ...CHANGES_MODULE.handlers,
        AcceptanceDrawHandlers,
      ],
      providers: [
        ApplicationsService,
        ApplicationWorkflowService,
        ApplicationApprovalService,
        ApplicationsExportService,
        ApplicationCoBuildersService,
        OrganizationsService,
        OrganizationAnnouncer,
        CallsService,
        ReviewsService,
        NoticesService,
        ObjectionsService,
        CentersService,
        CenterRegistrationService,
        CenterPreparationService,
        CalendarPublicationService,
        ...REVOCATION_MODULE.providers,
        PublicDirectoryService,
        CenterRegistryExportService,
        ...CHANGES_MODULE.providers,
        AcceptanceDrawService,
      ],
    };
  }
}
