import { MikroORM } from '@mikro-orm/postgresql';
import { type DynamicModule, type INestApplication, Logger, type Type } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { Transport } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';

import type { ServiceName } from '@tic/contracts';

import { CallerAssertionVerifier } from '../caller/caller-assertion';
import type { BaseConfig } from '../config/config';
import { runMigrations } from '../database/orm-config';
import { RpcContextInterceptor } from '../rpc/rpc-context.interceptor';
import { natsConnectOptions } from '../nats/nats-options';
import { RpcErrorFilter } from '../rpc/rpc-exception.filter';

/**
 * Starts a service: migrations (when configured), request/reply on `tic.rpc.<service>.>` in the
 * queue group `<service>` so that instances share the load, and HTTP for /health and /metrics.
 * Shutdown hooks drain NATS, stop the relay and consumers, and close the pool.
 */
export async function bootstrapService(
  module: Type | DynamicModule,
  service: ServiceName,
  config: BaseConfig,
): Promise<INestApplication> {
  // NestJS declares its options as a class, though it takes a plain object everywhere.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { bufferLogs: true });
  try {
    app.useLogger(app.get(PinoLogger));
    app.enableShutdownHooks();

    if (config.MIGRATE_ON_START) {
      const applied = await runMigrations(app.get(MikroORM), service);
      if (applied.length > 0) new Logger('Migrations').log(`applied ${applied.join(', ')}`);
    }

    // Registered on the application and inherited: the microservice refuses late registrations.
    app.useGlobalInterceptors(new RpcContextInterceptor(app.get(CallerAssertionVerifier)));
    app.useGlobalFilters(new RpcErrorFilter(app.get(HttpAdapterHost).httpAdapter));
    app.connectMicroservice(
      {
        transport: Transport.NATS,
        options: {
          ...natsConnectOptions(config, service),
          queue: service,
          name: `${service}-rpc`,
          gracefulShutdown: true,
          gracePeriod: 2000,
        },
      },
      { inheritAppConfig: true },
    );

    await app.init();
    await app.startAllMicroservices();
    await app.listen(config.HTTP_PORT, '0.0.0.0');
    return app;
  } catch (error) {
    // Whatever started (relay timer, consumers, pools) must stop, or the process lingers half-up.
    await app.close();
    throw error;
  }
}
