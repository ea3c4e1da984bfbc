import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';

import { DrawExpertsForAcceptance, type RpcResponse } from '@tic/contracts';
import {
  type Caller,
  CallerAssertionVerifier,
  currentCallContext,
  developmentTrustedKeys,
  type In,
  RpcContextInterceptor,
  RpcErrorFilter,
  RpcHandler,
} from '@tic/platform';
import type { TestNatsServer } from '@tic/testing';

/** An expert of the stand-in's pool, as the applications service would draw them. */
export interface PoolExpert {
  readonly expertId: string;
  readonly userId: string;
  readonly name: string;
  readonly orgId: string;
}

/** Who asked the stand-in for a draw, and what for. */
export class DrawRequests {
  readonly asked: { caller: Caller | undefined; input: In<typeof DrawExpertsForAcceptance> }[] = [];
  constructor(readonly pool: readonly PoolExpert[]) {}
}

/**
 * The applications service's experts.draw_for_acceptance as the evaluations service meets it on NATS: as
 * the NATS user `applications`, trusting assertions signed by the evaluations service only. The real draw
 * (回避 over the registry) is the applications service's, tested there and end to end.
 */
export async function startApplicationsStandIn(
  nats: TestNatsServer,
  requests: DrawRequests,
): Promise<INestMicroservice> {
  @Controller()
  class DrawStandIn {
    @RpcHandler(DrawExpertsForAcceptance)
    draw(@Payload() input: In<typeof DrawExpertsForAcceptance>): RpcResponse<typeof DrawExpertsForAcceptance> {
      requests.asked.push({ caller: currentCallContext()?.caller, input });
      const experts = requests.pool.slice(0, input.count);
      return {
        seed: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
        pool: requests.pool.map((e) => e.expertId),
        experts: [...experts],
      };
    }
  }
  @Module({ controllers: [DrawStandIn] })
  class StandInModule {}

  const env = nats.userEnv('applications');
  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StandInModule, {
    transport: Transport.NATS,
    options: {
      servers: [env.NATS_URL],
      ...(env.NATS_USER === undefined ? {} : { user: env.NATS_USER, pass: env.NATS_PASSWORD }),
      inboxPrefix: '_INBOX_applications',
      queue: 'applications',
    },
    logger: false,
  });
  const evaluationsOnly = developmentTrustedKeys().filter((key) => key.issuer === 'evaluations');
  app.useGlobalInterceptors(new RpcContextInterceptor(new CallerAssertionVerifier(evaluationsOnly)));
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  return app;
}
