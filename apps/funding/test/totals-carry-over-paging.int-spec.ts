import {
  type AllocationDto,
  CloseAllocationYear,
  CreateAllocation,
  ExecutionSummary,
  GetAllocation,
  GetFundingSources,
  ImportExpenditures,
  ListLedger,
  MAX_FEN,
  RecordExpenditure,
  RecordFundingSources,
  RecordMisuseFinding,
} from '@tic/contracts';

import { allocationInput, CALLERS, expenditureInput, refusal, runningFunding } from './harness';

const funding = runningFunding('funding_review_fixes');

const close = (allocation: AllocationDto, decision: 'carry_over' | 'return') =>
  funding.call(
    CloseAllocationYear,
    { allocationId: allocation.id, version: allocation.version, decision, reason: '年度结束' },
    CALLERS.dst,
  );

describe('funding: totals, carry-over, sources and ledger pages', () => {
  let centerId: string;

  beforeAll(async () => {
    centerId = await funding.newCenter();
  });

  it('a budget whose lines together exceed MAX_FEN is refused (400 on budget) and nothing is written', async () => {
    const before = await funding.sql('select count(*)::int as n from funding.allocation');
    const refused = await refusal(
      funding.call(
        CreateAllocation,
        allocationInput(centerId, {
          budget: [
            { category: 'equipment', amountFen: MAX_FEN },
            { category: 'labor', amountFen: 1 },
          ],
        }),
        CALLERS.dst,
      ),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.errors?.map((e) => e.path)).toContain('budget');
    expect(await funding.sql('select count(*)::int as n from funding.allocation')).toEqual(before);
  });

  it('sources whose year total (with the computed provincial) would exceed MAX_FEN are refused on lines; so is an allocation that would', async () => {
    const center = await funding.newCenter();
    await funding.call(
      CreateAllocation,
      allocationInput(center, { fiscalYear: 2025, budget: [{ category: 'equipment', amountFen: MAX_FEN / 2 }] }),
      CALLERS.dst,
    );
    const tooMuch = await refusal(
      funding.call(
        RecordFundingSources,
        {
          centerId: center,
          year: 2025,
          lines: [
            { source: 'city_county', amountFen: MAX_FEN / 2 },
            { source: 'enterprise', amountFen: 1 },
          ],
        },
        CALLERS.supporting,
      ),
    );
    expect(tooMuch).toMatchObject({ code: 'rule_violation', reason: 'funding.total_too_large' });
    expect(tooMuch.errors?.[0]?.path).toBe('lines');
    expect(
      await funding.sql('select count(*)::int as n from funding.funding_source_line where center_id = ?', [center]),
    ).toEqual([{ n: 0 }]);

    const full = await funding.call(
      RecordFundingSources,
      { centerId: center, year: 2025, lines: [{ source: 'city_county', amountFen: MAX_FEN / 2 }] },
      CALLERS.supporting,
    );
    expect(full.totalFen).toBe(MAX_FEN);
    const another = await refusal(
      funding.call(
        CreateAllocation,
        allocationInput(center, { fiscalYear: 2025, budget: [{ category: 'labor', amountFen: 1 }] }),
        CALLERS.dst,
      ),
    );
    expect(another).toMatchObject({ code: 'rule_violation', reason: 'funding.total_too_large' });
    expect(another.errors?.[0]?.path).toBe('budget');
    expect((await funding.call(GetFundingSources, { centerId: center, year: 2025 }, CALLERS.dst)).totalFen).toBe(
      MAX_FEN,
    );
  });

  it('a carry-over from fiscal year 2100 is refused with 422 on decision; returning is allowed', async () => {
    const last = await funding.call(CreateAllocation, allocationInput(centerId, { fiscalYear: 2100 }), CALLERS.dst);
    const refused = await refusal(close(last, 'carry_over'));
    expect(refused).toMatchObject({ code: 'rule_violation', reason: 'funding.carry_over_beyond_range' });
    expect(refused.errors?.[0]?.path).toBe('decision');
    expect(await funding.sql('select count(*)::int as n from funding.allocation where fiscal_year > 2100')).toEqual([
      { n: 0 },
    ]);
    expect((await close(last, 'return')).status).toBe('closed');
  });

  it('A36: a suspended allocation’s balance is not carried over (422, 第三十六条, decision); it may be returned', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    await funding.call(
      RecordMisuseFinding,
      {
        allocationId: allocation.id,
        kind: 'misappropriation',
        amountFen: 1_000_000,
        description: '挪用',
        foundOn: '2026-08-10',
        suspendAllocation: true,
      },
      CALLERS.dst,
    );
    const suspended = await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.dst);
    expect(suspended.status).toBe('suspended');
    const refused = await refusal(close(suspended, 'carry_over'));
    expect(refused).toMatchObject({
      code: 'rule_violation',
      reason: 'funding.carry_over_while_suspended',
      article: '第三十六条',
    });
    expect(refused.errors?.[0]?.path).toBe('decision');
    expect(
      await funding.sql('select count(*)::int as n from funding.allocation where carried_over_from = ?', [
        allocation.id,
      ]),
    ).toEqual([{ n: 0 }]);
    const returned = await close(suspended, 'return');
    expect(returned).toMatchObject({ status: 'closed', yearEnd: { decision: 'return', carriedOverTo: null } });
  });

  it('A35: execution across years counts a carried-over allocation’s spending but not its budget again', async () => {
    const center = await funding.newCenter({ regionCode: '210302' });
    const first = await funding.call(CreateAllocation, allocationInput(center, { fiscalYear: 2025 }), CALLERS.dst);
    await funding.call(
      RecordExpenditure,
      expenditureInput(first.id, { amountFen: 60_000_000, spentOn: '2025-06-01' }),
      CALLERS.supporting,
    );
    const closed = await close(
      await funding.call(GetAllocation, { allocationId: first.id }, CALLERS.dst),
      'carry_over',
    );
    const nextId = closed.yearEnd?.carriedOverTo;
    if (!nextId) throw new Error('a carried-over allocation expected');
    // The 400 000 yuan left of labor are carried to 2026; 100 000 of them are spent there.
    await funding.call(
      RecordExpenditure,
      expenditureInput(nextId, { category: 'labor', amountFen: 10_000_000, spentOn: '2026-03-01' }),
      CALLERS.supporting,
    );
    const byCenter = await funding.call(ExecutionSummary, { groupBy: 'center', centerId: center }, CALLERS.dst);
    expect(byCenter.rows).toEqual([
      expect.objectContaining({ allocations: 2, allocatedFen: 100_000_000, spentFen: 70_000_000, executionRate: 0.7 }),
    ]);
    expect(byCenter.total).toEqual({
      allocations: 2,
      allocatedFen: 100_000_000,
      spentFen: 70_000_000,
      executionRate: 0.7,
    });
    const byCity = await funding.call(ExecutionSummary, { groupBy: 'city', centerId: center }, CALLERS.dst);
    expect(byCity.rows).toEqual([
      expect.objectContaining({ key: '210300', allocatedFen: 100_000_000, spentFen: 70_000_000 }),
    ]);

    const byYear = await funding.call(ExecutionSummary, { groupBy: 'year', centerId: center }, CALLERS.dst);
    expect(byYear.rows.map((r) => [r.key, r.allocatedFen, r.spentFen])).toEqual([
      ['2025', 100_000_000, 60_000_000],
      ['2026', 40_000_000, 10_000_000],
    ]);
    expect(byYear.total).toMatchObject({ allocatedFen: 100_000_000, spentFen: 70_000_000 });

    const byAllocation = await funding.call(ExecutionSummary, { groupBy: 'allocation', centerId: center }, CALLERS.dst);
    expect(byAllocation.rows.map((r) => [r.key, r.allocatedFen])).toEqual([
      [first.id, 100_000_000],
      [nextId, 40_000_000],
    ]);
    expect(byAllocation.total.allocatedFen).toBe(100_000_000);

    const in2026 = await funding.call(
      ExecutionSummary,
      { groupBy: 'center', centerId: center, fiscalYear: 2026 },
      CALLERS.dst,
    );
    expect(in2026.total).toEqual({
      allocations: 1,
      allocatedFen: 40_000_000,
      spentFen: 10_000_000,
      executionRate: 0.25,
    });
  });

  it('CONCURRENCY: 10 parallel first recordings of the same source all succeed and leave one row', async () => {
    const center = await funding.newCenter();
    const answers = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        funding.call(
          RecordFundingSources,
          { centerId: center, year: 2026, lines: [{ source: 'city_county', amountFen: 1_000 + i }] },
          CALLERS.supporting,
        ),
      ),
    );
    const failed = answers.flatMap((a) => (a.status === 'rejected' ? [String(a.reason)] : []));
    expect(failed).toEqual([]);
    const rows = (await funding.sql(
      "select amount_fen::int as amount from funding.funding_source_line where center_id = ? and year = 2026 and source = 'city_county'",
      [center],
    )) as { amount: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.amount).toBeGreaterThanOrEqual(1_000);
  });

  it('the ledger pages by sequence: every entry once, in order, over several pages, even when ids do not follow it', async () => {
    const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const rows = Array.from({ length: 7 }, (_, i) => ({
      row: i + 2,
      spentOn: '2026-05-01',
      amountYuan: '1,000.00',
      category: '设备费',
      payee: '沈阳示范仪器有限公司',
      voucherRef: `记-${i}`,
      procurement: '否',
      stateAsset: '否',
      note: '',
    }));
    expect(
      (await funding.call(ImportExpenditures, { allocationId: allocation.id, rows }, CALLERS.supporting)).imported,
    ).toBe(7);
    // An entry written by a replica whose clock ran ahead: its id sorts after the later entries'.
    await funding.sql(
      "update funding.ledger_entry set id = 'ffffffff-ffff-7fff-bfff-ffffffffffff' where allocation_id = ? and sequence = 1",
      [allocation.id],
    );
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const got = await funding.call(
        ListLedger,
        { allocationId: allocation.id, limit: 3, ...(cursor ? { cursor } : {}) },
        CALLERS.supporting,
      );
      seen.push(...got.items.map((e) => e.sequence));
      cursor = got.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
