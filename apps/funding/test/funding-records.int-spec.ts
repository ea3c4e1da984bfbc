import { v4 as uuidv4 } from 'uuid';

import {
  CreateAllocation,
  createEvent,
  DeclinePolicySupportProposal,
  EvaluationPolicySupportProposed,
  ExecutionSummary,
  GetAllocation,
  GetFundingSources,
  GetReportFunds,
  ListMisuseFindings,
  ListPolicySupportProposals,
  RecordExpenditure,
  RecordFundingSources,
  RecordMisuseFinding,
} from '@tic/contracts';
import { type RpcClient } from '@tic/platform';
import { testRpcClient } from '@tic/platform/testing';
import { eventually, publishEvents } from '@tic/testing';

import { allocationInput, CALLERS, eventsOfType, expenditureInput, ORGS, refusal, runningFunding } from './harness';

const funding = runningFunding('funding_records');

describe('A32 sources, A36 misuse, A30/A33 proposals, A35 execution', () => {
  let centerId: string;
  let otherCenterId: string;

  beforeAll(async () => {
    centerId = await funding.newCenter({ name: '辽宁省示范装备技术创新中心' });
    otherCenterId = await funding.newCenter({
      name: '辽宁省示范海洋技术创新中心',
      supportingUnitId: ORGS.otherSupporting,
      constructionUnitId: ORGS.otherConstruction,
      recommenderId: ORGS.otherRecommender,
      coBuilderIds: [],
      regionCode: '210202',
    });
  });

  it('A32: the supporting unit records the other sources; provincial is refused and shown as the allocations’ sum', async () => {
    await funding.call(CreateAllocation, allocationInput(centerId, { fiscalYear: 2025 }), CALLERS.dst);
    const provincial = await refusal(
      funding.call(
        RecordFundingSources,
        { centerId, year: 2025, lines: [{ source: 'provincial', amountFen: 1 }] },
        CALLERS.supporting,
      ),
    );
    expect(provincial).toMatchObject({
      code: 'rule_violation',
      reason: 'funding.provincial_is_computed',
      article: '第三十二条',
    });
    expect(provincial.errors?.[0]?.path).toBe('lines[0].source');
    const byConstruction = await refusal(
      funding.call(
        RecordFundingSources,
        { centerId, year: 2025, lines: [{ source: 'enterprise', amountFen: 1 }] },
        CALLERS.construction,
      ),
    );
    expect(byConstruction).toMatchObject({ code: 'forbidden', reason: 'funding_source.recorded_by_supporting_unit' });
    const foreign = await refusal(
      funding.call(
        RecordFundingSources,
        { centerId, year: 2025, lines: [{ source: 'enterprise', amountFen: 1 }] },
        CALLERS.otherSupporting,
      ),
    );
    expect(foreign).toMatchObject({ code: 'not_found' });

    const recorded = await funding.call(
      RecordFundingSources,
      {
        centerId,
        year: 2025,
        lines: [
          { source: 'supporting_unit', amountFen: 30_000_000 },
          { source: 'city_county', amountFen: 5_000_000, note: '沈阳市配套' },
        ],
      },
      CALLERS.supporting,
    );
    expect(recorded.lines.map((l) => [l.source, l.amountFen])).toEqual([
      ['provincial', 100_000_000],
      ['city_county', 5_000_000],
      ['supporting_unit', 30_000_000],
    ]);
    expect(recorded.totalFen).toBe(135_000_000);
    // A source recorded again replaces its earlier figure.
    const again = await funding.call(
      RecordFundingSources,
      { centerId, year: 2025, lines: [{ source: 'city_county', amountFen: 6_000_000 }] },
      CALLERS.supporting,
    );
    expect(again.totalFen).toBe(136_000_000);
    expect(await funding.call(GetFundingSources, { centerId, year: 2025 }, CALLERS.recommender)).toEqual(again);
    expect(await refusal(funding.call(GetFundingSources, { centerId, year: 2025 }, CALLERS.agency))).toMatchObject({
      code: 'not_found',
    });
  });

  it('A36: DST records misuse; the allocation is suspended and tic.funding.misuse_found proposes revocation', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const input = {
      allocationId: allocation.id,
      kind: 'misappropriation' as const,
      amountFen: 12_000_000,
      description: '挪用专项资金用于基建',
      foundOn: '2026-08-10',
      recoverFen: 12_000_000,
      suspendAllocation: true,
      proposeRevocation: true,
    };
    expect(await refusal(funding.call(RecordMisuseFinding, input, CALLERS.supporting))).toMatchObject({
      code: 'forbidden',
      reason: 'misuse_finding.recorded_by_dst',
    });
    expect(await refusal(funding.call(RecordMisuseFinding, input, CALLERS.otherSupporting))).toMatchObject({
      code: 'not_found',
    });
    const tooMuch = await refusal(funding.call(RecordMisuseFinding, { ...input, recoverFen: 12_000_001 }, CALLERS.dst));
    expect(tooMuch).toMatchObject({ code: 'rule_violation', article: '第三十六条' });
    expect(tooMuch.errors?.[0]?.path).toBe('recoverFen');

    const finding = await funding.call(RecordMisuseFinding, input, CALLERS.dst);
    expect(finding).toMatchObject({
      centerId,
      suspendAllocation: true,
      revocationProposed: true,
      recoverFen: 12_000_000,
    });
    expect((await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.dst)).status).toBe('suspended');
    const events = await eventsOfType(funding, 'tic.funding.misuse_found');
    expect(events.find((e) => e.data.findingId === finding.id)?.data).toMatchObject({
      allocationId: allocation.id,
      revocationProposed: true,
      suspendAllocation: true,
    });
    const mine = await funding.call(ListMisuseFindings, { centerId }, CALLERS.supporting);
    expect(mine.items.map((f) => f.id)).toContain(finding.id);
    const theirs = await funding.call(ListMisuseFindings, {}, CALLERS.otherSupporting);
    expect(theirs.items).toEqual([]);
  });

  it('A30, A33: a published policy_support_proposed becomes a proposal once; DST declines it once, or answers by an allocation', async () => {
    const evaluationId = uuidv4();
    const secondEvaluationId = uuidv4();
    const event = (id: string, evaluation: string, version: number) =>
      createEvent(EvaluationPolicySupportProposed, {
        id,
        subject: evaluation,
        time: new Date().toISOString(),
        aggregateVersion: version,
        data: {
          evaluationId: evaluation,
          roundId: uuidv4(),
          centerId,
          grade: 'excellent',
          score: 93.5,
          proposedOn: '2026-06-30',
        },
      });
    const first = event(uuidv4(), evaluationId, 1);
    await publishEvents(funding.nats, [first, event(uuidv4(), secondEvaluationId, 1)], 'evaluations');
    // A redelivery of the same event adds nothing.
    await publishEvents(funding.nats, [{ ...first, id: uuidv4() }], 'evaluations');
    const proposals = await eventually(
      async () => {
        const page = await funding.call(ListPolicySupportProposals, { status: 'proposed' }, CALLERS.dst);
        if (page.items.length < 2) throw new Error('waiting for the proposals');
        return page.items;
      },
      15_000,
      100,
    );
    expect(proposals).toHaveLength(2);
    const declining = proposals.find((p) => p.evaluationId === evaluationId);
    const allocating = proposals.find((p) => p.evaluationId === secondEvaluationId);
    if (!declining || !allocating) throw new Error('both proposals expected');
    expect(declining).toMatchObject({ centerId, centerName: '辽宁省示范装备技术创新中心', score: 93.5 });

    expect(
      await refusal(
        funding.call(DeclinePolicySupportProposal, { proposalId: declining.id, reason: '无' }, CALLERS.supporting),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'funding_proposal.decided_by_dst' });
    const declined = await funding.call(
      DeclinePolicySupportProposal,
      { proposalId: declining.id, reason: '年度预算已安排完毕' },
      CALLERS.dst,
    );
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: '年度预算已安排完毕',
      decidedOn: '2026-08-15',
    });
    const again = await refusal(
      funding.call(DeclinePolicySupportProposal, { proposalId: declining.id, reason: '再次' }, CALLERS.dst),
    );
    expect(again).toMatchObject({ code: 'conflict', reason: 'funding.proposal_already_decided' });
    expect(again.detail).toEqual({
      zh: '该政策支持建议已经不予安排，不能再次决定',
      en: 'The proposal was declined already and cannot be decided again',
    });
    const allocateDeclined = await refusal(
      funding.call(CreateAllocation, allocationInput(centerId, { proposalId: declining.id }), CALLERS.dst),
    );
    expect(allocateDeclined).toMatchObject({ code: 'conflict', reason: 'funding.proposal_already_decided' });
    const otherCenters = await refusal(
      funding.call(CreateAllocation, allocationInput(otherCenterId, { proposalId: allocating.id }), CALLERS.dst),
    );
    expect(otherCenters).toMatchObject({ code: 'rule_violation', reason: 'funding.proposal_of_another_center' });

    const answered = await funding.call(
      CreateAllocation,
      allocationInput(centerId, { proposalId: allocating.id }),
      CALLERS.dst,
    );
    expect(answered.proposalId).toBe(allocating.id);
    const decided = await funding.call(ListPolicySupportProposals, { status: 'allocated' }, CALLERS.dst);
    expect(decided.items).toEqual([expect.objectContaining({ id: allocating.id, allocationId: answered.id })]);
    expect(
      await refusal(
        funding.call(DeclinePolicySupportProposal, { proposalId: allocating.id, reason: '晚了' }, CALLERS.dst),
      ),
    ).toMatchObject({ code: 'conflict', reason: 'funding.proposal_already_decided' });

    const declinedEvents = await eventsOfType(funding, 'tic.funding.proposal_declined');
    expect(declinedEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({ proposalId: declining.id, evaluationId, reason: '年度预算已安排完毕' }),
    ]);
    expect((await funding.call(ListPolicySupportProposals, {}, CALLERS.otherSupporting)).items).toEqual([]);
  });

  it('A35: execution by allocation, center, city and year; the report’s funds section', async () => {
    const a = await funding.call(CreateAllocation, allocationInput(otherCenterId, { fiscalYear: 2026 }), CALLERS.dst);
    const b = await funding.call(
      CreateAllocation,
      allocationInput(otherCenterId, { fiscalYear: 2026, budget: [{ category: 'business', amountFen: 30_000_000 }] }),
      CALLERS.dst,
    );
    await funding.call(RecordExpenditure, expenditureInput(a.id, { amountFen: 25_000_000 }), CALLERS.otherSupporting);
    await funding.call(
      RecordExpenditure,
      expenditureInput(b.id, { category: 'business', amountFen: 10_000_000 }),
      CALLERS.otherSupporting,
    );
    const byAllocation = await funding.call(
      ExecutionSummary,
      { groupBy: 'allocation', centerId: otherCenterId },
      CALLERS.dst,
    );
    expect(byAllocation.rows.map((r) => [r.key, r.allocatedFen, r.spentFen, r.executionRate])).toEqual([
      [a.id, 100_000_000, 25_000_000, 0.25],
      [b.id, 30_000_000, 10_000_000, 0.3333],
    ]);
    expect(byAllocation.total).toEqual({
      allocations: 2,
      allocatedFen: 130_000_000,
      spentFen: 35_000_000,
      executionRate: 0.2692,
    });
    const byCity = await funding.call(ExecutionSummary, { groupBy: 'city', fiscalYear: 2026 }, CALLERS.committee);
    expect(byCity.rows.find((r) => r.key === '210200')).toMatchObject({
      label: '大连市',
      allocations: 2,
      spentFen: 35_000_000,
    });
    expect(byCity.rows.find((r) => r.key === '210100')?.label).toBe('沈阳市');
    const byCenter = await funding.call(ExecutionSummary, { groupBy: 'center' }, CALLERS.otherSupporting);
    expect(byCenter.rows).toEqual([
      expect.objectContaining({ key: otherCenterId, label: '辽宁省示范海洋技术创新中心', allocatedFen: 130_000_000 }),
    ]);
    const byYear = await funding.call(
      ExecutionSummary,
      { groupBy: 'year', centerId: otherCenterId },
      CALLERS.committee,
    );
    expect(byYear.rows).toEqual([expect.objectContaining({ key: '2026', executionRate: 0.2692 })]);
    // Agencies learn of allocations from the tic.funding.* events, never from a center's accounts.
    for (const outsider of [CALLERS.expert, CALLERS.agency]) {
      expect((await funding.call(ExecutionSummary, { groupBy: 'center' }, outsider)).rows).toEqual([]);
    }

    // An internal RPC: the evaluations service's NATS user asks it; the gateway's may not (users.conf).
    const evaluations: RpcClient = testRpcClient(funding.nats, { user: 'evaluations' });
    const asked = (caller: (typeof CALLERS)[keyof typeof CALLERS]) =>
      evaluations.request(GetReportFunds, { centerId: otherCenterId, year: 2026 }, { caller });
    const report = await asked(CALLERS.otherConstruction);
    expect(report.allocations.map((x) => [x.allocationId, x.spentFen, x.executionRate])).toEqual([
      [a.id, 25_000_000, 0.25],
      [b.id, 10_000_000, 0.3333],
    ]);
    expect(report.sources).toEqual([{ source: 'provincial', amountFen: 130_000_000 }]);
    expect(report.allocations[0]?.targets).toHaveLength(3);
    expect(await refusal(asked(CALLERS.construction))).toMatchObject({ code: 'not_found' });
    // A report of a center registered a moment ago, before the directory's event arrived, is not refused.
    const unknownCenterId = uuidv4();
    expect(
      await evaluations.request(
        GetReportFunds,
        { centerId: unknownCenterId, year: 2026 },
        { caller: CALLERS.construction },
      ),
    ).toEqual({ centerId: unknownCenterId, year: 2026, sources: [], allocations: [] });
    await evaluations.onApplicationShutdown();
    const gateway = testRpcClient(funding.nats, { timeoutMs: 1500 });
    expect(
      await refusal(gateway.request(GetReportFunds, { centerId: otherCenterId, year: 2026 }, { caller: CALLERS.dst })),
    ).toMatchObject({ code: 'unavailable' });
    await gateway.onApplicationShutdown();
  });
});
