import fc from 'fast-check';

import {
  CreateAllocation,
  GetAllocation,
  ImportExpenditures,
  RecordExpenditure,
  ReverseExpenditure,
} from '@tic/contracts';
import { fenToYuan } from '@tic/domain';

import { allocationInput, CALLERS, expenditureInput, runningFunding } from './harness';

const funding = runningFunding('funding_ledger_properties');

type Step =
  | { kind: 'record'; category: 'equipment' | 'labor'; amountFen: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'import'; lines: { category: 'equipment' | 'labor'; amountFen: number }[] };

const category = fc.constantFrom('equipment' as const, 'labor' as const);
// Amounts up to a quarter of a category's budget, so that some expenditures fit and some overspend.
const amount = fc.integer({ min: 1, max: 20_000_000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), category, amountFen: amount }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('import' as const),
    lines: fc.array(fc.record({ category, amountFen: amount }), { minLength: 1, maxLength: 4 }),
  }),
);

interface EntryRow {
  sequence: number;
  kind: string;
  category: string;
  amount_fen: string;
  balance_after_fen: string;
  reversed_by: string | null;
  id: string;
}

/** Whatever the service answers (a refusal included), its own records stay consistent. */
describe('PROPERTY: the ledger of the real service stays consistent under record, reverse and import', () => {
  let centerId: string;

  beforeAll(async () => {
    centerId = await funding.newCenter();
  });

  it('entries per category sum to spent, nothing is overspent, sequences have no gap, the last balance is budget − spent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const allocation = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
        let voucher = 0;
        for (const s of steps) {
          try {
            if (s.kind === 'record') {
              voucher += 1;
              await funding.call(
                RecordExpenditure,
                expenditureInput(allocation.id, {
                  category: s.category,
                  amountFen: s.amountFen,
                  voucherRef: `记-${voucher}`,
                }),
                CALLERS.supporting,
              );
            } else if (s.kind === 'reverse') {
              const open = (await funding.sql(
                "select id from funding.ledger_entry where allocation_id = ? and kind = 'expenditure' order by sequence",
                [allocation.id],
              )) as { id: string }[];
              const target = open.length === 0 ? undefined : open[s.pick % open.length];
              if (target === undefined) continue;
              await funding.call(
                ReverseExpenditure,
                { allocationId: allocation.id, entryId: target.id, reason: '更正' },
                CALLERS.supporting,
              );
            } else {
              await funding.call(
                ImportExpenditures,
                {
                  allocationId: allocation.id,
                  rows: s.lines.map((line, i) => ({
                    row: i + 2,
                    spentOn: '2026-05-01',
                    amountYuan: fenToYuan(line.amountFen),
                    category: line.category,
                    payee: '沈阳示范仪器有限公司',
                    voucherRef: `导入-${voucher}-${i}`,
                    procurement: '否',
                    stateAsset: '否',
                    note: '',
                  })),
                },
                CALLERS.supporting,
              );
            }
          } catch (error) {
            // A refusal (over budget, reversed already) is an answer; anything else is not.
            const code =
              (error as { error?: { code?: string }; code?: string }).error?.code ?? (error as { code?: string }).code;
            if (code !== 'rule_violation' && code !== 'conflict') throw error;
          }
        }
        const read = await funding.call(GetAllocation, { allocationId: allocation.id }, CALLERS.dst);
        const rows = (await funding.sql(
          'select id, sequence, kind, category, amount_fen::text, balance_after_fen::text, reversed_by from funding.ledger_entry where allocation_id = ? order by sequence',
          [allocation.id],
        )) as unknown as EntryRow[];
        for (const balance of read.balances) {
          const sum = rows
            .filter((r) => r.category === balance.category)
            .reduce((total, r) => total + Number(r.amount_fen), 0);
          expect([balance.category, sum]).toEqual([balance.category, balance.spentFen]);
          expect(balance.remainingFen).toBeGreaterThanOrEqual(0);
          expect(balance.remainingFen).toBe(balance.budgetFen - balance.spentFen);
        }
        expect(rows.map((r) => r.sequence)).toEqual(rows.map((_, i) => i + 1));
        const last = rows.at(-1);
        if (last !== undefined) expect(Number(last.balance_after_fen)).toBe(read.totalFen - read.spentFen);
        else expect(read.spentFen).toBe(0);
      }),
      { numRuns: 15 },
    );
  });
});
