import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';

import { GetCommittee, type CommitteeDto } from '@tic/contracts';
import {
  type Caller,
  CallerAssertionVerifier,
  currentCallContext,
  developmentTrustedKeys,
  type In,
  RpcContextInterceptor,
  RpcErrorFilter,
  RpcFailure,
  RpcHandler,
} from '@tic/platform';
import type { TestNatsServer } from '@tic/testing';

/** What the personnel stand-in holds and saw: each center's management committee meetings, and who asked. */
export class PersonnelRegistry {
  readonly meetings = new Map<string, { form: 'meeting' | 'written_review'; heldOn: string }[]>();
  readonly askedBy: Caller[] = [];
}

/**
 * The personnel service's GetCommittee as the applications service meets it on NATS: as the NATS user
 * `personnel`, trusting assertions signed by the applications service only (so a call reaching it proves
 * that the service, not the gateway, asked, carrying its own caller).
 */
export async function startPersonnelStandIn(
  nats: TestNatsServer,
  registry: PersonnelRegistry,
): Promise<INestMicroservice> {
  @Controller()
  class CommitteesStandIn {
    @RpcHandler(GetCommittee)
    get(@Payload() input: In<typeof GetCommittee>): CommitteeDto {
      const caller = currentCallContext()?.caller;
      if (caller !== undefined) registry.askedBy.push(caller);
      const meetings = registry.meetings.get(input.centerId);
      if (meetings === undefined || input.kind !== 'management') {
        throw RpcFailure.notFound({ zh: '委员会', en: 'Committee' }, 'committee.not_formed');
      }
      return {
        id: '0192f6a0-7c1e-7d2a-9b3c-0000000c0001',
        version: 1,
        centerId: input.centerId,
        kind: 'management',
        termStartsOn: '2026-01-01',
        termEndsOn: '2028-12-31',
        members: [],
        findings: [],
        meetings: meetings.map((m, i) => ({
          id: `0192f6a0-7c1e-7d2a-9b3c-0000000c1${String(i).padStart(3, '0')}`,
          ...m,
          attendees: 7,
          minutesRef: `docs/minutes/${m.heldOn}`,
          recordedAt: `${m.heldOn}T08:00:00Z`,
        })),
        updatedAt: '2026-11-20T08:00:00Z',
      };
    }
  }
  @Module({ controllers: [CommitteesStandIn] })
  class StandInModule {}

  const env = nats.userEnv('personnel');
  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StandInModule, {
    transport: Transport.NATS,
    options: {
      servers: [env.NATS_URL],
      ...(env.NATS_USER === undefined ? {} : { user: env.NATS_USER, pass: env.NATS_PASSWORD }),
      inboxPrefix: '_INBOX_personnel',
      queue: 'personnel',
    },
    logger: false,
  });
  const applicationsOnly = developmentTrustedKeys().filter((key) => key.issuer === 'applications');
  app.useGlobalInterceptors(new RpcContextInterceptor(new CallerAssertionVerifier(applicationsOnly)));
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  return app;
}
