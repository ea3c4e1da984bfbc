import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import { connect, headers } from '@nats-io/transport-node';

import {
  ApproveApplication,
  type CenterDto,
  type CloudEvent,
  createEvent,
  eventSubject,
  FundingMisuseFound,
  GetApplication,
  GetCenter,
  ListRevocations,
  PublishNotice,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import { bootstrapService, type RpcClient } from '@tic/platform';
import { eventually, natsUserOptions, publishEvents, readAllEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

describe('A36 → A31(六): a misuse finding of the funding service proposes revocation to DST (real Postgres, NATS, Redis)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  let center: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('revocation-misuse');
    app = await bootstrapService(AppModule.forRoot(infra.config), 'applications', infra.config);
    rpc = rpcClient(infra.nats);
    const formal = await applicationAt(rpc, TO_SHORTLIST, {
      field: { zh: '智能制造资金监管集成', en: 'Intelligent Manufacturing Funds Oversight Integration' },
    });
    await rpc.request(
      PublishNotice,
      { title: '拟建辽宁省技术创新中心名单公示', applicationIds: [formal.id], startsOn: addDays(today(), -10) },
      { caller: CALLERS.dst },
    );
    await app.get(Deadlines).sweep();
    const current = await rpc.request(GetApplication, { id: formal.id }, { caller: CALLERS.dst });
    const approved = await rpc.request(
      ApproveApplication,
      { id: formal.id, version: current.version, track: 'formal' },
      { caller: CALLERS.dst },
    );
    center = await rpc.request(GetCenter, { id: approved.centerId ?? '' }, { caller: CALLERS.dst });
  }, 180_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  // As the funding service's outbox publishes it: a CloudEvents envelope, as the `funding` NATS user.
  const finding = (revocationProposed: boolean, findingId = randomUUID()) =>
    createEvent(FundingMisuseFound, {
      id: randomUUID(),
      subject: findingId,
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: {
        findingId,
        allocationId: randomUUID(),
        centerId: center.id,
        kind: 'misappropriation',
        amountFen: 12_345_678,
        recoverFen: 12_345_678,
        suspendAllocation: true,
        revocationProposed,
        foundOn: today(),
      },
    });
  const publish = (events: Parameters<typeof publishEvents>[1]) => publishEvents(infra.nats, events, 'funding');
  // A redelivery as the consumer sees it: the same event again under another message id, past the stream's
  // de-duplication (e.g. the outbox publishing a row again after a lost acknowledgement).
  const redeliver = async (event: CloudEvent) => {
    const nc = await connect(natsUserOptions(infra.nats.userEnv('funding')));
    try {
      const h = headers();
      h.set('Nats-Msg-Id', randomUUID());
      await nc.request(eventSubject(event.type), JSON.stringify(event), { headers: h, timeout: 5_000 });
    } finally {
      await nc.close();
    }
  };
  const cases = async () =>
    (await rpc.request(ListRevocations, { centerId: center.id, limit: 50 }, { caller: CALLERS.dst })).items;

  it('A31(六): a finding that proposes revocation is proposed to DST with the finding, its kind, amount and day as cause', async () => {
    const proposing = finding(true);
    await publish([proposing]);
    const proposed = await eventually(
      async () => {
        const found = await cases();
        expect(found).toHaveLength(1);
        return found[0];
      },
      20_000,
      200,
    );
    expect(proposed).toMatchObject({
      grounds: [6],
      articles: ['第三十一条第（六）项'],
      status: 'proposed',
      origin: 'funding_misuse',
      proposedOn: today(),
      openedOn: null,
      answerBy: null,
    });
    expect(proposed?.cause).toContain(proposing.data.findingId);
    expect(proposed?.cause).toContain('挪用');
    expect(proposed?.cause).toContain('123456.78元');
    expect(proposed?.cause).toContain(today());
    await eventually(async () => {
      const events = (await readAllEvents(infra.nats)).filter((e) => e.subject === proposed?.id);
      expect(events.map((e) => e.type)).toEqual(['tic.revocation.proposed']);
    });
  });

  it('a finding without a revocation proposal, a redelivery and the same finding announced again open nothing more', async () => {
    const [first] = await cases();
    const delivered = (await readAllEvents(infra.nats)).find((e) => e.type === 'tic.funding.misuse_found');
    expect(delivered).toBeDefined();
    const findingId = (delivered?.data as { findingId: ReturnType<typeof randomUUID> }).findingId;
    const notProposing = finding(false);
    const marker = finding(true);
    await publish([notProposing]);
    await redeliver(delivered as CloudEvent);
    await publish([finding(true, findingId), marker]);
    // Events of one subscription are applied in stream order: once the last one shows, the others were taken.
    const found = await eventually(
      async () => {
        const now = await cases();
        expect(now.some((c) => c.cause.includes(marker.data.findingId))).toBe(true);
        return now;
      },
      20_000,
      200,
    );
    expect(found).toHaveLength(2);
    expect(found.filter((c) => c.cause.includes(findingId)).map((c) => c.id)).toEqual([first?.id]);
    expect(found.some((c) => c.cause.includes(notProposing.data.findingId))).toBe(false);
  });
});
