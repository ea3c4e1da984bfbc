import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Payload, Transport } from '@nestjs/microservices';

import { GetReportFunds, type ReportFundsDto, type RpcResponse } from '@tic/contracts';
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

/** What the stand-in holds of a center's year, and who asked it for what. */
export class FundsLedger {
  readonly asked: { caller: Caller | undefined; input: In<typeof GetReportFunds> }[] = [];
  private readonly sections = new Map<string, ReportFundsDto>();
  private hold: { arrive: () => void; released: Promise<void> } | undefined;

  /** The section the funding service would answer with from now on (a later change, e.g. a new expenditure). */
  set(section: ReportFundsDto): void {
    this.sections.set(`${section.centerId}/${section.year}`, section);
  }

  /** A center and year the funding service holds nothing of: no source, no allocation. */
  sectionOf(centerId: string, year: number): ReportFundsDto {
    return this.sections.get(`${centerId}/${year}`) ?? { centerId, year, sources: [], allocations: [] };
  }

  /**
   * A slow funding service: the next request is answered only once `release` is called, later ones at
   * once. `arrived` resolves when that request has come in.
   */
  holdNext(): { arrived: Promise<void>; release: () => void } {
    let arrive = (): void => undefined;
    let release = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.hold = { arrive, released };
    return { arrived, release };
  }

  /** Waits, if this request is the one held, until it is released. */
  async answerable(): Promise<void> {
    const hold = this.hold;
    this.hold = undefined;
    hold?.arrive();
    await hold?.released;
  }
}

/**
 * The funding service's funds.for_report as the evaluations service meets it on NATS: as the NATS user
 * `funding`, trusting assertions signed by the evaluations service only. How the funding service builds
 * the section from its ledger is the funding service's, tested there and end to end.
 */
export async function startFundingStandIn(nats: TestNatsServer, ledger: FundsLedger): Promise<INestMicroservice> {
  @Controller()
  class FundsStandIn {
    @RpcHandler(GetReportFunds)
    async forReport(@Payload() input: In<typeof GetReportFunds>): Promise<RpcResponse<typeof GetReportFunds>> {
      ledger.asked.push({ caller: currentCallContext()?.caller, input });
      await ledger.answerable();
      return ledger.sectionOf(input.centerId, input.year);
    }
  }
  @Module({ controllers: [FundsStandIn] })
  class StandInModule {}

  const env = nats.userEnv('funding');
  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(StandInModule, {
    transport: Transport.NATS,
    options: {
      servers: [env.NATS_URL],
      ...(env.NATS_USER === undefined ? {} : { user: env.NATS_USER, pass: env.NATS_PASSWORD }),
      inboxPrefix: '_INBOX_funding',
      queue: 'funding',
    },
    logger: false,
  });
  const evaluationsOnly = developmentTrustedKeys().filter((key) => key.issuer === 'evaluations');
  app.useGlobalInterceptors(new RpcContextInterceptor(new CallerAssertionVerifier(evaluationsOnly)));
  app.useGlobalFilters(new RpcErrorFilter());
  await app.listen();
  return app;
}

/** A section with one provincial allocation and its performance targets, as the funding service reports it. */
export function fundsSection(
  centerId: string,
  year: number,
  targets: { indicator: string; targetValue: number; achievedValue: number; shortfallReason?: string }[] = [],
  spentFen = 3_200_000_00,
): ReportFundsDto {
  return {
    centerId,
    year,
    sources: [
      { source: 'provincial', amountFen: 5_000_000_00 },
      { source: 'supporting_unit', amountFen: 2_000_000_00 },
    ],
    allocations: [
      {
        allocationId: '0190f5a2-7c1e-7b3a-9d4e-2f6a8b1c3d5e',
        purpose: '关键共性技术研发',
        allocatedFen: 5_000_000_00,
        spentFen,
        executionRate: Math.round((spentFen / 5_000_000_00) * 10_000) / 10_000,
        targets: targets.map((t, i) => ({
          id: `0190f5a2-7c1e-7b3a-9d4e-2f6a8b1c3d${String(60 + i)}`,
          tier: 'output',
          dimension: 'quantity',
          indicator: t.indicator,
          unit: '件',
          targetValue: t.targetValue,
          direction: 'at_least',
          achievedValue: t.achievedValue,
          shortfallReason: t.shortfallReason ?? null,
          met: t.achievedValue >= t.targetValue,
        })),
      },
    ],
  };
}

/** The stand-in for a whole test file, beside the service under test; stopped and started again by a test. */
export function fundingStandIn(service: { readonly nats: TestNatsServer }) {
  const ledger = new FundsLedger();
  let app: INestMicroservice | undefined;
  const standIn = {
    ledger,
    async start(): Promise<void> {
      app ??= await startFundingStandIn(service.nats, ledger);
    },
    async stop(): Promise<void> {
      await app?.close();
      app = undefined;
    },
  };
  beforeAll(() => standIn.start());
  afterAll(() => standIn.stop());
  return standIn;
}
