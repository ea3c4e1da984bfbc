import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';

import { calendarSubscription, type Clock, Deadlines, DeadlinesModule } from '@tic/deadlines';
import { ServiceModule } from '@tic/platform';

import { AppointmentCreation } from './appointments/appointment-creation.service';
import { AppointmentViews } from './appointments/appointment-views';
import { AppointmentsHandlers } from './appointments/appointments.handlers';
import { AppointmentsService } from './appointments/appointments.service';
import { CommitteesHandlers } from './committees/committees.handlers';
import { CommitteesService } from './committees/committees.service';
import { ComplianceService } from './compliance/compliance.service';
import type { PersonnelConfig } from './config';
import { PERSONNEL_ENTITIES } from './entities';
import { IDENTITY_KEYS, IdentityNumbers, type IdentityKeys } from './identity/identity-numbers';
import { organizationRegistrySubscription } from './organizations/organization-registry.subscription';
import { NamedPeople } from './people/named-people';
import { PeopleHandlers } from './people/people.handlers';
import { PeopleService } from './people/people.service';
import { PersonViews } from './people/person-views';
import { centerRegistrySubscription } from './platforms/center-registry.subscription';
import { PlatformsHandlers } from './platforms/platforms.handlers';
import { PlatformsService } from './platforms/platforms.service';
import { UsageQuotas, USAGE_LIMITS, type UsageLimits } from './quotas/usage-quotas';
import { UsageWindowRetention } from './quotas/usage-window-retention';
import { RosterImportService } from './roster/roster-import.service';
import { RosterService } from './roster/roster.service';

export const SERVICE_VERSION = '0.1.0';

/** The personnel registry: people, platforms, appointments, committees and the A18 duplicate check. */
@Module({})
export class AppModule {
  /** `clock` lets a test move time; a deployment takes the system clock (or CLOCK_OFFSET_DAYS in end-to-end runs). */
  static forRoot(config: PersonnelConfig, options: { clock?: Clock } = {}): DynamicModule {
    const keys: IdentityKeys = { encryption: config.PERSONNEL_ID_ENCRYPTION_KEYS, hmac: config.PERSONNEL_ID_HMAC_KEY };
    const limits: UsageLimits = {
      roster_lines: config.PERSONNEL_QUOTA_ROSTER_LINES_PER_DAY,
      registrations: config.PERSONNEL_QUOTA_REGISTRATIONS_PER_DAY,
    };
    return {
      module: AppModule,
      imports: [
        ServiceModule.forService({
          service: 'personnel',
          version: SERVICE_VERSION,
          config,
          entities: PERSONNEL_ENTITIES,
          migrationsPath: join(__dirname, 'migrations'),
          shared: [DeadlinesModule.forRoot(options)],
          subscriptions: {
            inject: [Deadlines],
            use: (deadlines: Deadlines) => [
              calendarSubscription(deadlines),
              centerRegistrySubscription(),
              organizationRegistrySubscription(),
            ],
          },
        }),
      ],
      controllers: [PeopleHandlers, PlatformsHandlers, AppointmentsHandlers, CommitteesHandlers],
      providers: [
        { provide: IDENTITY_KEYS, useValue: keys },
        { provide: USAGE_LIMITS, useValue: limits },
        UsageQuotas,
        {
          provide: UsageWindowRetention,
          inject: [MikroORM],
          useFactory: (orm: MikroORM) => new UsageWindowRetention(orm, config.PERSONNEL_QUOTA_RETENTION_DAYS),
        },
        IdentityNumbers,
        NamedPeople,
        PersonViews,
        PeopleService,
        PlatformsService,
        RosterService,
        RosterImportService,
        AppointmentViews,
        AppointmentCreation,
        AppointmentsService,
        CommitteesService,
        ComplianceService,
      ],
    };
  }
}
