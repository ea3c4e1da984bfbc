import 'reflect-metadata';

import { Entity, PrimaryKey } from '@mikro-orm/core';
import { type INestApplication, Module } from '@nestjs/common';
import type { AddressInfo, Server } from 'node:net';

import {
  eventually,
  startNatsServer,
  startPrivatePostgres,
  type PrivatePostgres,
  type TestNatsServer,
} from '@tic/testing';

import { baseConfigSchema, bootstrapService, PlatformModule } from '../src';

@Entity({ tableName: 'probe' })
class Probe {
  @PrimaryKey({ type: 'integer' }) id!: number;
}

// What the Kubernetes probes of infra/k8s ask a service: readiness and start-up on GET /health (its
// Postgres and NATS reachable), liveness on GET /health/live (the process answers, whatever they do).
describe('the HTTP health a service gives its probes (private Postgres and NATS)', () => {
  let pg: PrivatePostgres;
  let nats: TestNatsServer;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    [pg, nats] = await Promise.all([startPrivatePostgres(), startNatsServer()]);
    const config = baseConfigSchema.parse({
      DATABASE_URL: pg.url,
      NATS_URL: nats.url,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      MIGRATE_ON_START: 'false',
      TIC_DEV: '1',
    });
    @Module({
      imports: [
        PlatformModule.forService({
          service: 'funding',
          version: 'test',
          config,
          database: { entities: [Probe], migrationsPath: __dirname },
        }),
      ],
    })
    class ProbedServiceModule {}
    app = await bootstrapService(ProbedServiceModule, 'funding', config);
    const server = app.getHttpServer() as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await nats?.stop();
    await pg?.destroy();
  });

  const status = async (path: string) => (await fetch(`${base}${path}`)).status;

  it('is ready and live while its dependencies answer', async () => {
    expect(await status('/health')).toBe(200);
    expect(await status('/health/live')).toBe(200);
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ service: 'funding', status: 'up' });
  });

  it('is not ready while Postgres is away, but stays live (a restart would not bring it back), and ready again after', async () => {
    await pg.stop();
    await eventually(async () => {
      expect(await status('/health')).toBe(503);
    }, 20_000);
    expect(await status('/health/live')).toBe(200);
    await pg.start();
    await eventually(
      async () => {
        expect(await status('/health')).toBe(200);
      },
      30_000,
      200,
    );
  });
});
