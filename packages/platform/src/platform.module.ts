import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MikroORM as PgMikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from 'nestjs-pino';

import type { ServiceName } from '@tic/contracts';

import { IdempotencyRetention } from './command/idempotency-retention';
import type { BaseConfig } from './config/config';
import { ormConfig, type OrmConfigInput } from './database/orm-config';
import { EventOutbox } from './events/event-outbox';
import { OutboxRelay } from './events/outbox-relay';
import { RelayKickSubscriber } from './events/relay-kick.subscriber';
import { healthController } from './health/health.controller';
import { historyIntegrityProviders } from './integrity/history-integrity.providers';
import { HistorySealer } from './integrity/history-sealer';
import { HEALTH_CHECKS, HealthService, type HealthCheck } from './health/health.service';
import { loggingParams } from './logging/logging';
import { PLATFORM_METRICS_PROVIDERS } from './metrics/platform-metrics.providers';
import { callerAssertionsFor, type CallerAssertions } from './caller/caller-assertions';
import { CallerAssertionSigner, CallerAssertionVerifier } from './caller/caller-assertion';
import { NatsConnectionService } from './nats/nats-connection';
import { natsConnectOptions } from './nats/nats-options';
import { PLATFORM_CONFIG, SERVICE_IDENTITY, type ServiceIdentity } from './platform-config';

export { PLATFORM_CONFIG } from './platform-config';

export interface PlatformOptions {
  readonly service: ServiceName;
  readonly version: string;
  readonly config: BaseConfig;
  readonly database: Omit<OrmConfigInput, 'databaseUrl' | 'schema'>;
  /** Providers of HealthCheck the service adds (e.g. Redis). */
  readonly healthChecks?: readonly Provider[];
  readonly healthCheckTokens?: readonly (string | symbol)[];
}

/** The wiring every service shares: logs, config, ORM in its schema, NATS, outbox and relay, health, metrics. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { service, config } = options;
    const assertions: CallerAssertions = callerAssertionsFor(service, config);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggingParams(service, config.LOG_LEVEL)),
        MikroOrmModule.forRoot(ormConfig({ ...options.database, databaseUrl: config.DATABASE_URL, schema: service })),
        PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } }),
      ],
      controllers: [healthController(service)],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: SERVICE_IDENTITY, useValue: { service, version: options.version } satisfies ServiceIdentity },
        {
          provide: NatsConnectionService,
          useFactory: () => new NatsConnectionService(natsConnectOptions(config, service), `${service}-events`),
        },
        { provide: CallerAssertionSigner, useValue: assertions.signer },
        { provide: CallerAssertionVerifier, useValue: assertions.verifier },
        { provide: EventOutbox, useFactory: () => new EventOutbox(service) },
        {
          provide: OutboxRelay,
          inject: [PgMikroORM, NatsConnectionService],
          useFactory: (orm: PgMikroORM, nats: NatsConnectionService) =>
            new OutboxRelay(orm, nats, {
              schema: service,
              pollIntervalMs: 1000,
              batchSize: 100,
              enabled: config.OUTBOX_RELAY,
            }),
        },
        RelayKickSubscriber,
        ...historyIntegrityProviders(service),
        {
          provide: IdempotencyRetention,
          inject: [PgMikroORM],
          useFactory: (orm: PgMikroORM) =>
            new IdempotencyRetention(orm, {
              schema: service,
              retentionDays: config.IDEMPOTENCY_RETENTION_DAYS,
              sweepIntervalMs: config.IDEMPOTENCY_SWEEP_INTERVAL_MS,
            }),
        },
        ...PLATFORM_METRICS_PROVIDERS,
        ...(options.healthChecks ?? []),
        {
          provide: HEALTH_CHECKS,
          inject: [...(options.healthCheckTokens ?? [])],
          useFactory: (...checks: HealthCheck[]) => [...checks],
        },
        {
          provide: HealthService,
          inject: [MikroORM, NatsConnectionService, HEALTH_CHECKS],
          useFactory: (orm: MikroORM, nats: NatsConnectionService, checks: HealthCheck[]) =>
            new HealthService(service, options.version, orm, nats, checks),
        },
      ],
      exports: [
        PLATFORM_CONFIG,
        SERVICE_IDENTITY,
        NatsConnectionService,
        CallerAssertionSigner,
        CallerAssertionVerifier,
        EventOutbox,
        OutboxRelay,
        IdempotencyRetention,
        HistorySealer,
        HealthService,
      ],
    };
  }
}
