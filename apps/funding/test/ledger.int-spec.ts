import { v4 as uuidv4 } from 'uuid';

import {
  type AllocationDto,
  CloseAllocationYear,
  CreateAllocation,
  GetAllocation,
  ImportExpenditures,
  ListLedger,
  RecordExpenditure,
  RecordMisuseFinding,
  ReverseExpenditure,
} from '@tic/contracts';

import { allocationInput, CALLERS, expenditureInput, refusal, runningFunding } from './harness';

const funding = runningFunding('funding_ledger');

const entries = async (allocationId: string) =>
  funding.sql('select count(*)::int as n from funding.ledger_entry where allocation_id = ?', [allocationId]);

describe('A36 the separate ledger', () => {
  let centerId: string;
  let allocation: AllocationDto;

  beforeAll(async () => {
    centerId = await funding.newCenter();
    allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
  });

  it('records expenditures in fen with a gap-free sequence and the balance after each', async () => {
    const first = await funding.call(RecordExpenditure, expenditureInput(allocation.id), CALLERS.supporting);
    expect(first.entry).toMatchObject({
      sequence: 1,
      kind: 'expenditure',
      amountFen: 1_000_000,
      balanceAfterFen: 99_000_000,
    });
    expect(first.balances[0]).toEqual({
      category: 'equipment',
      budgetFen: 60_000_000,
      spentFen: 1_000_000,
      remainingFen: 59_000_000,
    });
    const second = await funding.call(
      RecordExpenditure,
      expenditureInput(allocation.id, { category: 'labor', amountFen: 250_050, procurement: false, stateAsset: false }),
      CALLERS.supporting,
    );
    expect(second.entry).toMatchObject({ sequence: 2, balanceAfterFen: 98_749_950 });
    const read = await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.construction);
    expect(read).toMatchObject({ spentFen: 1_250_050, executionRate: 0.0125 });
  });

  it('refuses, with article 第三十六条 and the field, what the ledger may not hold; nothing is written', async () => {
    const before = await entries(allocation.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amountFen: 59_000_001 }, 'amountFen', 'funding.over_budget'],
      [{ category: 'business' }, 'category', 'funding.category_not_in_budget'],
      [{ spentOn: '2025-12-31' }, 'spentOn', 'funding.outside_fiscal_year'],
      [{ spentOn: '2026-08-16' }, 'spentOn', 'funding.in_future'],
    ];
    for (const [change, field, reason] of cases) {
      const refused = await refusal(
        funding.call(RecordExpenditure, expenditureInput(allocation.id, change), CALLERS.supporting),
      );
      expect(refused).toMatchObject({ code: 'rule_violation', article: '第三十六条', reason });
      expect(refused.errors?.[0]?.path).toBe(field);
    }
    expect(await entries(allocation.id)).toEqual(before);
  });

  it('only the center’s supporting unit records: its other units and DST are refused, a foreign unit does not see it', async () => {
    const before = await entries(allocation.id);
    for (const caller of [CALLERS.dst, CALLERS.construction, CALLERS.recommender, CALLERS.committee]) {
      const refused = await refusal(funding.call(RecordExpenditure, expenditureInput(allocation.id), caller));
      expect(refused).toMatchObject({ code: 'forbidden', reason: 'ledger_entry.recorded_by_supporting_unit' });
    }
    for (const caller of [CALLERS.otherSupporting, CALLERS.agency, CALLERS.coBuilder]) {
      const refused = await refusal(funding.call(RecordExpenditure, expenditureInput(allocation.id), caller));
      expect(refused).toMatchObject({ code: 'not_found', reason: 'ledger_entry.not_found' });
    }
    // An agency sees no center's funds, the ledger least of all (DOMAIN.md §1).
    expect(await refusal(funding.call(ListLedger, { allocationId: allocation.id }, CALLERS.agency))).toMatchObject({
      code: 'not_found',
    });
    expect(await entries(allocation.id)).toEqual(before);
  });

  it('corrects by reversing entries: once only, never a reversal, never an edit', async () => {
    const spent = await funding.call(
      RecordExpenditure,
      expenditureInput(allocation.id, { amountFen: 300_000 }),
      CALLERS.supporting,
    );
    const reversed = await funding.call(
      ReverseExpenditure,
      { allocationId: allocation.id, entryId: spent.entry.id, reason: '凭证金额录入错误' },
      CALLERS.supporting,
    );
    expect(reversed.entry).toMatchObject({
      kind: 'reversal',
      amountFen: -300_000,
      reverses: spent.entry.id,
      sequence: spent.entry.sequence + 1,
    });
    expect(reversed.entry.balanceAfterFen).toBe(spent.entry.balanceAfterFen + 300_000);
    const twice = await refusal(
      funding.call(
        ReverseExpenditure,
        { allocationId: allocation.id, entryId: spent.entry.id, reason: '再冲' },
        CALLERS.supporting,
      ),
    );
    expect(twice).toMatchObject({ code: 'conflict', reason: 'funding.already_reversed', article: '第三十六条' });
    const ofReversal = await refusal(
      funding.call(
        ReverseExpenditure,
        { allocationId: allocation.id, entryId: reversed.entry.id, reason: '冲冲' },
        CALLERS.supporting,
      ),
    );
    expect(ofReversal).toMatchObject({
      code: 'rule_violation',
      article: '第三十六条',
      reason: 'funding.reversal_of_reversal',
    });
    expect(ofReversal.errors?.[0]?.path).toBe('entryId');
    const unknown = await refusal(
      funding.call(
        ReverseExpenditure,
        { allocationId: allocation.id, entryId: uuidv4(), reason: 'x' },
        CALLERS.supporting,
      ),
    );
    expect(unknown).toMatchObject({ code: 'not_found', reason: 'funding.entry_unknown' });
    const ledger = await funding.call(ListLedger, { allocationId: allocation.id, limit: 200 }, CALLERS.supporting);
    expect(ledger.items.map((e) => e.sequence)).toEqual(ledger.items.map((_, i) => i + 1));
    expect(ledger.items.find((e) => e.id === spent.entry.id)?.reversedBy).toBe(reversed.entry.id);
  });

  it('CONCURRENCY: 20 parallel expenditures that together exceed a category never overspend it', async () => {
    const target = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    // labor: 40 000 000 fen; 20 × 2 500 000 = 50 000 000: exactly 16 fit.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        funding.call(
          RecordExpenditure,
          expenditureInput(target.id, { category: 'labor', amountFen: 2_500_000, voucherRef: `记-并发-${i}` }),
          CALLERS.supporting,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(16);
    const rows = await funding.sql(
      'select sequence, amount_fen::bigint as amount, balance_after_fen::bigint as after from funding.ledger_entry where allocation_id = ? order by sequence',
      [target.id],
    );
    expect(rows.map((r) => Number(r.sequence))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(40_000_000);
    const read = await funding.call(GetAllocation, { allocationId: target.id }, CALLERS.dst);
    expect(read.balances.find((b) => b.category === 'labor')).toEqual({
      category: 'labor',
      budgetFen: 40_000_000,
      spentFen: 40_000_000,
      remainingFen: 0,
    });
    expect(Number(rows.at(-1)?.after)).toBe(read.remainingFen);
  });

  it('imports all or nothing: every bad line reported by row, field and article, nothing written', async () => {
    const target = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const row = (n: number, over: Record<string, string> = {}) => ({
      row: n,
      spentOn: '2026-03-01',
      amountYuan: '1000.50',
      category: '设备费',
      payee: '大连示范材料公司',
      voucherRef: `记-${n}`,
      procurement: '是',
      stateAsset: '否',
      note: '',
      ...over,
    });
    const bad = await funding.call(
      ImportExpenditures,
      {
        allocationId: target.id,
        rows: [
          row(2),
          row(3, { amountYuan: '12.345' }),
          row(4, { category: '差旅费' }),
          row(5, { spentOn: '2025-06-01' }),
          row(6, { procurement: '也许' }),
          row(7, { category: '劳务费', amountYuan: '399000.00' }),
          row(8, { category: 'labor', amountYuan: '1000.01' }),
          row(9, { payee: ' ' }),
        ],
      },
      CALLERS.supporting,
    );
    expect(bad.imported).toBe(0);
    expect(bad.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'amountYuan'],
      [4, 'category'],
      [5, 'spentOn'],
      [6, 'procurement'],
      [8, 'amountYuan'],
      [9, 'payee'],
    ]);
    expect(bad.problems.every((p) => p.article === '第三十六条')).toBe(true);
    expect(await entries(target.id)).toEqual([{ n: 0 }]);

    const good = await funding.call(
      ImportExpenditures,
      {
        allocationId: target.id,
        rows: [
          row(2),
          row(3, { category: 'labor', amountYuan: '2,000', stateAsset: 'no', procurement: '' }),
          row(4, { category: '间接费用' }),
        ],
      },
      CALLERS.supporting,
    );
    // 间接费用 is not in this allocation's budget.
    expect(good.problems).toEqual([expect.objectContaining({ row: 4, field: 'category', article: '第三十六条' })]);
    // A dry run checks every line as the import does and writes nothing, even when every line is good.
    const goodLines = [row(2), row(3, { category: 'labor', amountYuan: '2,000', stateAsset: 'no', procurement: '' })];
    const dry = await funding.call(
      ImportExpenditures,
      { allocationId: target.id, rows: [...goodLines, row(4, { amountYuan: '60000000' })], dryRun: true },
      CALLERS.supporting,
    );
    expect([dry.imported, dry.problems.map((p) => [p.row, p.field, p.article])]).toEqual([
      0,
      [[4, 'amountYuan', '第三十六条']],
    ]);
    const dryGood = await funding.call(
      ImportExpenditures,
      { allocationId: target.id, rows: goodLines, dryRun: true },
      CALLERS.supporting,
    );
    expect(dryGood).toMatchObject({ imported: 0, problems: [] });
    expect(dryGood.balances.every((b) => b.spentFen === 0)).toBe(true);
    expect(await entries(target.id)).toEqual([{ n: 0 }]);
    const fine = await funding.call(
      ImportExpenditures,
      {
        allocationId: target.id,
        rows: [row(2), row(3, { category: 'labor', amountYuan: '2,000', stateAsset: 'no', procurement: '' })],
      },
      CALLERS.supporting,
    );
    expect(fine).toMatchObject({ imported: 2, problems: [] });
    expect(fine.balances).toEqual([
      { category: 'equipment', budgetFen: 60_000_000, spentFen: 100_050, remainingFen: 59_899_950 },
      { category: 'labor', budgetFen: 40_000_000, spentFen: 200_000, remainingFen: 39_800_000 },
    ]);
    expect(await entries(target.id)).toEqual([{ n: 2 }]);
  });

  it('a suspended or closed allocation takes no expenditure', async () => {
    const suspended = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    await funding.call(
      RecordMisuseFinding,
      {
        allocationId: suspended.id,
        kind: 'diversion',
        amountFen: 100,
        description: '挤占',
        foundOn: '2026-08-01',
        suspendAllocation: true,
      },
      CALLERS.dst,
    );
    const refusedSuspended = await refusal(
      funding.call(RecordExpenditure, expenditureInput(suspended.id), CALLERS.supporting),
    );
    expect(refusedSuspended).toMatchObject({
      code: 'rule_violation',
      reason: 'funding.allocation_not_active',
      article: '第三十六条',
    });
    expect(refusedSuspended.errors?.[0]?.path).toBe('allocationId');

    const closing = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    await funding.call(
      CloseAllocationYear,
      { allocationId: closing.id, version: closing.version, decision: 'return', reason: '收回' },
      CALLERS.dst,
    );
    const refusedClosed = await refusal(
      funding.call(RecordExpenditure, expenditureInput(closing.id), CALLERS.supporting),
    );
    expect(refusedClosed).toMatchObject({ code: 'rule_violation', reason: 'funding.allocation_not_active' });
    expect(await entries(closing.id)).toEqual([{ n: 0 }]);
  });
});
