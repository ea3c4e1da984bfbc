import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';
import { z } from 'zod';

import {
  CreateApplication,
  CreateOrganization,
  ExportApplications,
  FileObjection,
  GetOrganization,
  GetOrganizationStanding,
  healthRpc,
  journalRpc,
  ListOrganizations,
  OpenCall,
  TransitionApplication,
  type RpcDefinition,
} from '@tic/contracts';
import type { Role } from '@tic/domain';
import {
  CallerAssertionVerifier,
  currentCallContext,
  developmentTrustedKeys,
  RpcContextInterceptor,
  RpcErrorFilter,
  RpcFailure,
  RpcHandler,
  type CallContext,
} from '@tic/platform';

import { applicationDto, organizationDto } from './fixtures';
import { personnelHandlers } from './personnel-stand-in';

type JournalEvent = z.output<ReturnType<typeof journalRpc>['response']>['events'][number];

/** What the stand-in saw and what it answers with; each test file makes its own. */
export class StandInState {
  readonly calls = new Map<string, number>();
  readonly payloads = new Map<string, unknown[]>();
  readonly contexts = new Map<string, CallContext[]>();
  readonly journals: Record<'applications' | 'personnel' | 'funding', JournalEvent[]> = {
    applications: [],
    personnel: [],
    funding: [],
  };
  /** Organizations as the register knows them (null: not registered); any other fits the caller's role. */
  readonly standings = new Map<string, z.output<typeof GetOrganizationStanding.response>['standing']>();
  standingLookups = 0;
  /** While set, OpenCall waits for it (to hold a request in flight without sleeping). */
  gate?: Promise<void>;
  /** While set, the funding journal waits for it (a service that does not answer). */
  journalGate?: Promise<void>;
  /** What each journal reports its relay has not published yet. */
  readonly backlogs: Partial<Record<'applications' | 'funding', { unpublished: number; lagMs: number }>> = {};

  record(definition: RpcDefinition, payload: unknown): void {
    this.calls.set(definition.subject, (this.calls.get(definition.subject) ?? 0) + 1);
    this.payloads.set(definition.subject, [...(this.payloads.get(definition.subject) ?? []), payload]);
    const context = currentCallContext();
    if (context) this.contexts.set(definition.subject, [...(this.contexts.get(definition.subject) ?? []), context]);
  }

  count(definition: RpcDefinition): number {
    return this.calls.get(definition.subject) ?? 0;
  }

  last(definition: RpcDefinition): { payload: Record<string, unknown> | undefined; context: CallContext | undefined } {
    return {
      payload: this.payloads.get(definition.subject)?.at(-1) as Record<string, unknown> | undefined,
      context: this.contexts.get(definition.subject)?.at(-1),
    };
  }
}

const CURRENT_VERSION = 3;

/** An organization that fits the role (DOMAIN.md §1), so that tests about other things sign tokens freely. */
function fittingStanding(role: Role | undefined) {
  const unit = { kind: 'enterprise' as const, legalPerson: true, isRecommender: false, authority: null };
  switch (role) {
    case 'dst_admin':
      return { ...unit, kind: 'government_department' as const, authority: 'dst' as const };
    case 'committee_office':
      return { ...unit, kind: 'government_department' as const, authority: 'committee_office' as const };
    case 'recommender':
      return { ...unit, kind: 'government_department' as const, isRecommender: true };
    case 'supporting_unit':
    case 'co_builder':
    case 'construction_unit':
    case 'expert':
    case 'evaluator':
    case 'agency':
    case undefined:
      return unit;
  }
}

function page(
  events: readonly JournalEvent[],
  after: string,
  limit: number,
  backlog?: { unpublished: number; lagMs: number },
) {
  const taken = events.filter((e) => BigInt(e.position) > BigInt(after)).slice(0, limit);
  return { events: taken, next: taken.at(-1)?.position ?? after, ...(backlog ? { backlog } : {}) };
}

function handlers(state: StandInState) {
  @Controller()
  class StandInHandlers {
    @RpcHandler(CreateOrganization)
    createOrganization(@Payload() input: z.output<typeof CreateOrganization.request>) {
      state.record(CreateOrganization, input);
      return organizationDto({ name: input.name, version: 1 });
    }

    @RpcHandler(GetOrganization)
    getOrganization(@Payload() input: { id: string }) {
      state.record(GetOrganization, input);
      return organizationDto({ id: input.id });
    }

    @RpcHandler(GetOrganizationStanding)
    standing(@Payload() input: { id: string }) {
      // Counted apart: it is the gateway's check of the token, not the RPC of a route that tests count.
      state.standingLookups += 1;
      const known = state.standings.get(input.id);
      return {
        id: input.id,
        standing: known === undefined ? fittingStanding(currentCallContext()?.caller?.role) : known,
      };
    }

    @RpcHandler(ListOrganizations)
    listOrganizations(@Payload() input: unknown) {
      state.record(ListOrganizations, input);
      return { items: [organizationDto()] };
    }

    @RpcHandler(OpenCall)
    async openCall(@Payload() input: z.output<typeof OpenCall.request>) {
      state.record(OpenCall, input);
      await state.gate;
      return { id: '0b7f1c52-3f4e-4b8f-9d7a-2a9d6c0e5f11', ...input, version: 1 };
    }

    @RpcHandler(CreateApplication)
    createApplication(@Payload() input: unknown) {
      state.record(CreateApplication, input);
      throw RpcFailure.of(
        'rule_violation',
        { zh: '依托单位须在辽宁省内注册', en: 'The supporting unit must be registered in Liaoning' },
        { rule: 'A12.1-province', article: '第十二条第（一）项' },
      );
    }

    @RpcHandler(TransitionApplication)
    transition(@Payload() input: z.output<typeof TransitionApplication.request>) {
      state.record(TransitionApplication, input);
      if (input.version !== CURRENT_VERSION) throw RpcFailure.staleVersion(input.version, CURRENT_VERSION);
      return applicationDto({ id: input.id, version: CURRENT_VERSION + 1, status: 'supporting_review' });
    }

    @RpcHandler(ExportApplications)
    exportApplications(@Payload() input: unknown) {
      state.record(ExportApplications, input);
      return {
        fileName: '申报汇总 2027.xlsx',
        contentBase64: Buffer.from('PK\u0003\u0004 a workbook').toString('base64'),
        rows: 2,
      };
    }

    @RpcHandler(FileObjection)
    fileObjection(@Payload() input: z.output<typeof FileObjection.request>) {
      state.record(FileObjection, input);
      return {
        id: '5d2c8f0e-7a41-4c59-9b3e-8f6a1d2e3c4b',
        noticeId: input.noticeId,
        applicationId: input.applicationId,
        objectorName: input.objectorName ?? null,
        objectorUnit: input.objectorUnit ?? null,
        realName: input.objectorName !== undefined || input.objectorUnit !== undefined,
        grounds: input.grounds,
        filedAt: '2027-05-06T02:00:00Z',
        status: 'recorded',
        decisionComment: null,
      };
    }

    @RpcHandler(healthRpc('applications'))
    health() {
      return {
        service: 'applications',
        status: 'up',
        version: 'stand-in',
        instance: 'stand-in:1',
        dependencies: { postgres: { status: 'up' } },
      };
    }

    @RpcHandler(journalRpc('applications'))
    applicationsJournal(@Payload() input: { after: string; limit: number }) {
      state.record(journalRpc('applications'), input);
      return page(state.journals.applications, input.after, input.limit, state.backlogs.applications);
    }

    @RpcHandler(journalRpc('funding'))
    async fundingJournal(@Payload() input: { after: string; limit: number }) {
      state.record(journalRpc('funding'), input);
      await state.journalGate;
      return page(state.journals.funding, input.after, input.limit, state.backlogs.funding);
    }
  }
  return StandInHandlers;
}

/**
 * A stand-in for the applications and personnel services (and a funding journal): a Nest NATS
 * microservice that answers a few subjects with fixed DTOs and refusals, through @tic/platform's RpcHandler.
 */
export async function startStandIn(natsUrl: string, state: StandInState): Promise<INestMicroservice> {
  @Module({ controllers: [handlers(state), personnelHandlers(state)] })
  class StandInModule {}

  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StandInModule, {
    transport: Transport.NATS,
    options: { servers: [natsUrl], queue: 'applications' },
    logger: false,
  });
  // Believes the gateway's development key, as a service outside production does.
  app.useGlobalInterceptors(new RpcContextInterceptor(new CallerAssertionVerifier(developmentTrustedKeys())));
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  return app;
}
