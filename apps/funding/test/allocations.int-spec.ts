import { v4 as uuidv4 } from 'uuid';

import {
  CloseAllocationYear,
  CreateAllocation,
  GetAllocation,
  ListAllocations,
  RateAllocation,
  SelfEvaluateAllocation,
} from '@tic/contracts';

import { allocationInput, CALLERS, eventsOfType, ORGS, refusal, runningFunding } from './harness';

const funding = runningFunding('funding_allocations');

describe('A33–A35 allocations', () => {
  let centerId: string;
  let otherCenterId: string;

  beforeAll(async () => {
    centerId = await funding.newCenter();
    otherCenterId = await funding.newCenter({
      supportingUnitId: ORGS.otherSupporting,
      constructionUnitId: ORGS.otherConstruction,
      recommenderId: ORGS.otherRecommender,
      coBuilderIds: [],
      regionCode: '210202',
    });
  });

  it('DST allocates with a budget by category and three-tier targets, and tic.funding.allocated tells the amount', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    expect(allocation).toMatchObject({
      centerId,
      city: '210100',
      fiscalYear: 2026,
      status: 'active',
      totalFen: 100_000_000,
      spentFen: 0,
      remainingFen: 100_000_000,
      executionRate: 0,
      proposalId: null,
      carriedOverFrom: null,
    });
    expect(allocation.balances).toEqual([
      { category: 'equipment', budgetFen: 60_000_000, spentFen: 0, remainingFen: 60_000_000 },
      { category: 'labor', budgetFen: 40_000_000, spentFen: 0, remainingFen: 40_000_000 },
    ]);
    expect(allocation.targets).toHaveLength(3);
    const events = await eventsOfType(funding, 'tic.funding.allocated');
    const event = events.find((e) => e.subject === allocation.id);
    expect(event?.data).toMatchObject({ amountCny: '1000000.00', amountFen: 100_000_000, centerId, fiscalYear: 2026 });

    expect(await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.supporting)).toMatchObject({
      id: allocation.id,
    });
  });

  it('refuses a repeated category, a dimension outside its tier and an unknown center, writing nothing', async () => {
    const before = await funding.sql('select count(*)::int as n from funding.allocation');
    const repeated = await refusal(
      funding.call(
        CreateAllocation,
        allocationInput(centerId, {
          budget: [
            { category: 'equipment', amountFen: 1 },
            { category: 'equipment', amountFen: 2 },
          ],
        }),
        CALLERS.dst,
      ),
    );
    expect(repeated).toMatchObject({ code: 'rule_violation', reason: 'funding.budget_category_repeated' });
    expect(repeated.errors?.[0]?.path).toBe('budget[1].category');

    const wrongTier = await refusal(
      funding.call(
        CreateAllocation,
        allocationInput(centerId, {
          targets: [
            {
              tier: 'effect',
              dimension: 'quantity',
              indicator: '专利',
              unit: '件',
              targetValue: 1,
              direction: 'at_least',
            },
          ],
        }),
        CALLERS.dst,
      ),
    );
    expect(wrongTier).toMatchObject({ code: 'rule_violation', article: '第三十五条' });
    expect(wrongTier.errors?.[0]?.path).toBe('targets[0].dimension');

    const unknown = await refusal(funding.call(CreateAllocation, allocationInput(uuidv4()), CALLERS.dst));
    expect(unknown).toMatchObject({ code: 'not_found', reason: 'funding.center_unknown' });
    expect(unknown.errors?.[0]?.path).toBe('centerId');

    expect(await funding.sql('select count(*)::int as n from funding.allocation')).toEqual(before);
  });

  it('only DST allocates: every other role is refused (403) and nothing is written', async () => {
    const before = await funding.sql('select count(*)::int as n from funding.allocation');
    for (const caller of [
      CALLERS.supporting,
      CALLERS.construction,
      CALLERS.recommender,
      CALLERS.committee,
      CALLERS.agency,
      CALLERS.otherSupporting,
    ]) {
      const refused = await refusal(funding.call(CreateAllocation, allocationInput(centerId), caller));
      expect(refused).toMatchObject({ code: 'forbidden', reason: 'allocation.allocated_by_dst' });
    }
    expect(await funding.sql('select count(*)::int as n from funding.allocation')).toEqual(before);
  });

  it('a foreign center’s allocation is not found for other units and agencies; its own units and the office read it', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(otherCenterId), CALLERS.dst);
    for (const caller of [
      CALLERS.supporting,
      CALLERS.construction,
      CALLERS.recommender,
      CALLERS.coBuilder,
      CALLERS.expert,
      CALLERS.agency,
    ]) {
      const refused = await refusal(funding.call(GetAllocation, { allocationId: allocation.id }, caller));
      expect(refused).toMatchObject({ code: 'not_found', reason: 'allocation.not_found' });
    }
    for (const caller of [
      CALLERS.otherSupporting,
      CALLERS.otherConstruction,
      CALLERS.otherRecommender,
      CALLERS.committee,
    ]) {
      expect(await funding.call(GetAllocation, { allocationId: allocation.id }, caller)).toMatchObject({
        id: allocation.id,
      });
    }
    const mine = await funding.call(ListAllocations, {}, CALLERS.supporting);
    expect(mine.items.every((a) => a.centerId === centerId)).toBe(true);
    const dalian = await funding.call(ListAllocations, { city: '210200' }, CALLERS.dst);
    expect(dalian.items.map((a) => a.id)).toEqual([allocation.id]);
    const unknown = await refusal(funding.call(GetAllocation, { allocationId: uuidv4() }, CALLERS.dst));
    expect(unknown).toMatchObject({ code: 'not_found' });
  });

  it('A35: self-evaluation of every target (a shortfall needs its reason), then DST rates; not before, not twice', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const [patents, cost, satisfaction] = allocation.targets;
    if (!patents || !cost || !satisfaction) throw new Error('three targets expected');

    const early = await refusal(
      funding.call(
        RateAllocation,
        { allocationId: allocation.id, version: allocation.version, rating: 'good', comment: '完成较好' },
        CALLERS.dst,
      ),
    );
    expect(early).toMatchObject({ code: 'conflict', reason: 'funding.not_self_evaluated', article: '第三十五条' });

    // The year-end self-evaluation follows the year-end closing.
    const beforeClosing = await refusal(
      funding.call(
        SelfEvaluateAllocation,
        {
          allocationId: allocation.id,
          version: allocation.version,
          targets: [
            { targetId: patents.id, achievedValue: 12 },
            { targetId: cost.id, achievedValue: 40 },
            { targetId: satisfaction.id, achievedValue: 95 },
          ],
        },
        CALLERS.supporting,
      ),
    );
    expect(beforeClosing).toMatchObject({
      code: 'rule_violation',
      reason: 'funding.not_closed_for_self_evaluation',
      article: '第三十五条',
    });
    expect(beforeClosing.errors?.[0]?.path).toBe('status');
    expect(beforeClosing.detail?.en).toContain('active');
    expect(
      (await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.dst)).selfEvaluatedOn,
    ).toBeNull();
    const closed = await funding.call(
      CloseAllocationYear,
      { allocationId: allocation.id, version: allocation.version, decision: 'return', reason: '年度结束' },
      CALLERS.dst,
    );

    const byDst = await refusal(
      funding.call(
        SelfEvaluateAllocation,
        {
          allocationId: allocation.id,
          version: closed.version,
          targets: [{ targetId: patents.id, achievedValue: 12 }],
        },
        CALLERS.dst,
      ),
    );
    expect(byDst).toMatchObject({ code: 'forbidden', reason: 'allocation.self_evaluated_by_supporting_unit' });

    const missingReason = await refusal(
      funding.call(
        SelfEvaluateAllocation,
        {
          allocationId: allocation.id,
          version: closed.version,
          targets: [
            { targetId: patents.id, achievedValue: 12 },
            { targetId: cost.id, achievedValue: 55 },
            { targetId: satisfaction.id, achievedValue: 95 },
          ],
        },
        CALLERS.supporting,
      ),
    );
    expect(missingReason).toMatchObject({ code: 'rule_violation', article: '第三十五条' });
    expect(missingReason.errors?.[0]?.path).toBe('targets[1].shortfallReason');

    const incomplete = await refusal(
      funding.call(
        SelfEvaluateAllocation,
        {
          allocationId: allocation.id,
          version: closed.version,
          targets: [{ targetId: patents.id, achievedValue: 12 }],
        },
        CALLERS.supporting,
      ),
    );
    expect(incomplete).toMatchObject({ code: 'rule_violation', reason: 'funding.targets_incomplete' });

    const evaluated = await funding.call(
      SelfEvaluateAllocation,
      {
        allocationId: allocation.id,
        version: closed.version,
        targets: [
          { targetId: patents.id, achievedValue: 12 },
          { targetId: cost.id, achievedValue: 55, shortfallReason: '进口设备涨价' },
          { targetId: satisfaction.id, achievedValue: 95 },
        ],
      },
      CALLERS.supporting,
    );
    expect(evaluated.targets.map((t) => t.met)).toEqual([true, false, true]);
    expect(evaluated.selfEvaluatedOn).toBe('2026-08-15');
    const told = await eventsOfType(funding, 'tic.funding.self_evaluated');
    expect(told.find((e) => e.subject === allocation.id)?.data).toEqual({
      allocationId: allocation.id,
      centerId,
      fiscalYear: 2026,
      targetsMet: 2,
      targetsTotal: 3,
      selfEvaluatedOn: '2026-08-15',
    });

    const twice = await refusal(
      funding.call(
        SelfEvaluateAllocation,
        {
          allocationId: allocation.id,
          version: evaluated.version,
          targets: [
            { targetId: patents.id, achievedValue: 12 },
            { targetId: cost.id, achievedValue: 40 },
            { targetId: satisfaction.id, achievedValue: 95 },
          ],
        },
        CALLERS.supporting,
      ),
    );
    expect(twice).toMatchObject({ code: 'conflict', reason: 'funding.already_self_evaluated' });

    const bySupporting = await refusal(
      funding.call(
        RateAllocation,
        { allocationId: allocation.id, version: evaluated.version, rating: 'excellent', comment: '自评优秀' },
        CALLERS.supporting,
      ),
    );
    expect(bySupporting).toMatchObject({ code: 'forbidden', reason: 'allocation.rated_by_dst' });

    const rated = await funding.call(
      RateAllocation,
      { allocationId: allocation.id, version: evaluated.version, rating: 'good', comment: '目标基本完成' },
      CALLERS.dst,
    );
    expect(rated.rating).toEqual({ rating: 'good', comment: '目标基本完成', ratedOn: '2026-08-15' });
    const events = await eventsOfType(funding, 'tic.funding.rated');
    expect(events.find((e) => e.subject === allocation.id)?.data).toMatchObject({ rating: 'good', fiscalYear: 2026 });
  });

  it('A34: closing the year with carry-over creates next year’s allocation with the balance by category and the same targets', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const byUnit = await refusal(
      funding.call(
        CloseAllocationYear,
        { allocationId: allocation.id, version: allocation.version, decision: 'carry_over', reason: '项目延续' },
        CALLERS.supporting,
      ),
    );
    expect(byUnit).toMatchObject({ code: 'forbidden', reason: 'allocation.closed_by_dst' });
    const foreign = await refusal(
      funding.call(
        CloseAllocationYear,
        { allocationId: allocation.id, version: allocation.version, decision: 'carry_over', reason: '项目延续' },
        CALLERS.otherSupporting,
      ),
    );
    expect(foreign).toMatchObject({ code: 'not_found' });

    const closed = await funding.call(
      CloseAllocationYear,
      { allocationId: allocation.id, version: allocation.version, decision: 'carry_over', reason: '项目延续' },
      CALLERS.dst,
    );
    expect(closed.status).toBe('closed');
    expect(closed.yearEnd).toMatchObject({ decision: 'carry_over', balanceFen: 100_000_000 });
    const nextId = closed.yearEnd?.carriedOverTo;
    if (!nextId) throw new Error('a carried-over allocation expected');
    const next = await funding.call(GetAllocation, { allocationId: nextId }, CALLERS.dst);
    expect(next).toMatchObject({
      fiscalYear: 2027,
      carriedOverFrom: allocation.id,
      status: 'active',
      totalFen: 100_000_000,
    });
    expect(next.balances.map((b) => [b.category, b.budgetFen])).toEqual([
      ['equipment', 60_000_000],
      ['labor', 40_000_000],
    ]);
    expect(next.targets.map((t) => t.indicator)).toEqual(allocation.targets.map((t) => t.indicator));

    const again = await refusal(
      funding.call(
        CloseAllocationYear,
        { allocationId: allocation.id, version: closed.version, decision: 'return', reason: '再次' },
        CALLERS.dst,
      ),
    );
    expect(again).toMatchObject({ code: 'conflict', reason: 'funding.already_closed' });

    const closedEvents = await eventsOfType(funding, 'tic.funding.year_closed');
    expect(closedEvents.find((e) => e.subject === allocation.id)?.data).toMatchObject({
      decision: 'carry_over',
      balanceFen: 100_000_000,
      carriedOverTo: nextId,
    });
    const allocated = await eventsOfType(funding, 'tic.funding.allocated');
    expect(allocated.find((e) => e.subject === nextId)?.data).toMatchObject({ carriedOverFrom: allocation.id });
  });
});
