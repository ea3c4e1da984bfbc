import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';

import { loggingParams, TelemetryFlush } from '@tic/platform';

import { ApplicationsController } from './api/applications.controller';
import { ApplicationsExport } from './api/applications-export.service';
import { AppointmentsController } from './api/appointments.controller';
import { CalendarController } from './api/calendar.controller';
import { CallsController } from './api/calls.controller';
import { CenterPersonnelController } from './api/center-personnel.controller';
import { CenterRegistryController } from './api/center-registry.controller';
import { CentersController } from './api/centers.controller';
import { CenterStandingController } from './api/center-standing.controller';
import { ChangesController } from './api/changes.controller';
import { EvaluationRoundsController } from './api/evaluation-rounds.controller';
import { PublicEvaluationRoundsController } from './api/public-evaluation-rounds.controller';
import { RevocationsController } from './api/revocations.controller';
import { RectificationsController } from './api/rectifications.controller';
import { ExpertsController } from './api/experts.controller';
import { IdentityReadsController } from './api/identity-reads.controller';
import { InboxController } from './api/inbox.controller';
import { NoticesController } from './api/notices.controller';
import { ObjectionsController } from './api/objections.controller';
import { OrganizationsController } from './api/organizations.controller';
import { PeopleController } from './api/people.controller';
import { PlatformsController } from './api/platforms.controller';
import { PublicController } from './api/public.controller';
import { PublicRecordController } from './api/public-record.controller';
import { AchievementsController } from './api/achievements.controller';
import { AllocationLedgerController } from './api/allocation-ledger.controller';
import { AllocationsController } from './api/allocations.controller';
import { FundingReadsController } from './api/funding-reads.controller';
import { FundingSourcesController } from './api/funding-sources.controller';
import { LedgerImports } from './api/ledger-import-upload';
import { PolicySupportProposalsController } from './api/policy-support-proposals.controller';
import { AgencyNatsUsersController } from './api/agency-nats-users.controller';
import { CenterEvaluationsController } from './api/center-evaluations.controller';
import { ReportsController } from './api/reports.controller';
import { ReviewsController } from './api/reviews.controller';
import { RosterChecksController } from './api/roster-checks.controller';
import { WebhookSubscriptionsController } from './api/webhook-subscriptions.controller';
import { RosterUploads } from './api/roster-uploads.service';
import { ReportStatisticsUpload } from './api/report-statistics-upload';
import { AccessGuard } from './auth/access.guard';
import { OrganizationFit } from './auth/organization-fit';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config';
import { AsyncApiController } from './docs/asyncapi.controller';
import { EventsController } from './events/events.controller';
import { JournalReader } from './events/journal-reader.service';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { CallContextInterceptor } from './http/call-context.interceptor';
import { ETagInterceptor } from './http/etag.interceptor';
import { UnstorableTextInterceptor } from './http/unstorable-text.interceptor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { InfrastructureModule } from './infrastructure.module';
import { RedisConnection } from './redis/redis-connection';
import { throttlerOptions } from './throttling/throttler-options';

/**
 * The HTTP gateway. Guards run in this order: authentication and roles, then the rate limit (per user
 * once the caller is known). Interceptors, outermost first: unstorable text, call context, ETag, idempotency.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        InfrastructureModule.forRoot(config),
        LoggerModule.forRoot(loggingParams('gateway', config.LOG_LEVEL)),
        ThrottlerModule.forRootAsync({
          inject: [GATEWAY_CONFIG, RedisConnection],
          useFactory: (gatewayConfig: GatewayConfig, redis: RedisConnection) => throttlerOptions(gatewayConfig, redis),
        }),
      ],
      controllers: [
        HealthController,
        OrganizationsController,
        CallsController,
        ApplicationsController,
        ReviewsController,
        ExpertsController,
        NoticesController,
        ObjectionsController,
        PublicController,
        InboxController,
        PublicRecordController,
        CenterRegistryController,
        CentersController,
        CenterStandingController,
        RevocationsController,
        ChangesController,
        EvaluationRoundsController,
        PublicEvaluationRoundsController,
        RectificationsController,
        ReportsController,
        AchievementsController,
        CenterEvaluationsController,
        CalendarController,
        PeopleController,
        IdentityReadsController,
        PlatformsController,
        RosterChecksController,
        AppointmentsController,
        CenterPersonnelController,
        EventsController,
        AgencyNatsUsersController,
        AsyncApiController,
        WebhookSubscriptionsController,
        AllocationsController,
        AllocationLedgerController,
        FundingSourcesController,
        FundingReadsController,
        PolicySupportProposalsController,
      ],
      providers: [
        OrganizationFit,
        TelemetryFlush,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: UnstorableTextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CallContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        IdempotencyStore,
        ApplicationsExport,
        RosterUploads,
        ReportStatisticsUpload,
        LedgerImports,
        JournalReader,
        ReadinessService,
      ],
    };
  }
}
