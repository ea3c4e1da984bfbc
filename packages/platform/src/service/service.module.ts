import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';

import type { ServiceName } from '@tic/contracts';

import { UnitOfWork } from '../command/unit-of-work';
import type { BaseConfig } from '../config/config';
import type { OrmConfigInput } from '../database/orm-config';
import type { EventSubscription } from '../events/event-consumer';
import { eventConsumersProvider } from '../events/event-consumers.provider';
import { PlatformModule } from '../platform.module';
import { TelemetryFlush } from '../telemetry/telemetry-flush';

/** A service's event subscriptions, built from providers of the service (`inject`). */
export interface ServiceSubscriptions<Deps extends unknown[] = never[]> {
  readonly inject: { [K in keyof Deps]: InjectionToken };
  readonly use: (...deps: Deps) => readonly EventSubscription[];
}

export interface ServiceOptions<Deps extends unknown[]> {
  readonly service: ServiceName;
  readonly version: string;
  readonly config: BaseConfig;
  /** The service's own tables (the platform's outbox, inbox, idempotency and history tables are added). */
  readonly entities: OrmConfigInput['entities'];
  /** Folder of the committed migrations next to the running code. */
  readonly migrationsPath: string;
  /**
   * Shared modules every feature of the service uses, such as `DeadlinesModule.forRoot()`; they read
   * the service and its configuration from the platform, and what they export is visible everywhere.
   */
  readonly shared?: readonly DynamicModule[];
  readonly subscriptions?: ServiceSubscriptions<Deps>;
}

/**
 * Everything a service is wired with, declared once: logs, configuration, the ORM in the service's
 * schema, NATS, outbox and relay, health (with what shared modules add), metrics, the unit of work
 * for commands and the event consumers. A service's `app.module.ts` then lists its features only.
 */
@Module({})
export class ServiceModule {
  static forService<Deps extends unknown[]>(options: ServiceOptions<Deps>): DynamicModule {
    const shared = options.shared ?? [];
    const subscriptions = options.subscriptions;
    return {
      module: ServiceModule,
      global: true,
      imports: [
        PlatformModule.forService({
          service: options.service,
          version: options.version,
          config: options.config,
          database: { entities: options.entities, migrationsPath: options.migrationsPath },
        }),
        ...shared,
      ],
      providers: [
        UnitOfWork,
        TelemetryFlush,
        ...(subscriptions === undefined
          ? []
          : [
              eventConsumersProvider<Deps>({
                service: options.service,
                inject: subscriptions.inject,
                subscriptions: subscriptions.use,
              }),
            ]),
      ],
      exports: [UnitOfWork, ...shared],
    };
  }
}
