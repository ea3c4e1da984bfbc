import fc from 'fast-check';

import { EXPENSE_CATEGORIES, type ExpenseCategory } from './funding-terms';
import {
  balancesByCategory,
  type BudgetLine,
  checkExpenditure,
  checkReversal,
  checkSpentOn,
  dimensionBelongsToTier,
  executionRate,
  fenToYuan,
  parseExpenseCategory,
  parseYesNo,
  targetMet,
  yuanToFen,
} from './ledger-rules';

const budget: BudgetLine[] = [
  { category: 'equipment', amountFen: 100_000 },
  { category: 'labor', amountFen: 50_000 },
];

describe('A36 ledger rules', () => {
  it('balances by category sum expenditures and reversals', () => {
    const balances = balancesByCategory(budget, [
      { category: 'equipment', amountFen: 30_000 },
      { category: 'equipment', amountFen: -30_000 },
      { category: 'equipment', amountFen: 10_000 },
      { category: 'labor', amountFen: 5_000 },
    ]);
    expect(balances).toEqual([
      { category: 'equipment', budgetFen: 100_000, spentFen: 10_000, remainingFen: 90_000 },
      { category: 'labor', budgetFen: 50_000, spentFen: 5_000, remainingFen: 45_000 },
    ]);
  });

  it('refuses a category outside the budget, naming the field and article', () => {
    const problem = checkExpenditure(balancesByCategory(budget, []), { category: 'business', amountFen: 1 });
    expect(problem).toMatchObject({ field: 'category', code: 'category_not_in_budget', article: '第三十六条' });
  });

  it('allows spending the category to the last fen and refuses one fen more', () => {
    const balances = balancesByCategory(budget, [{ category: 'labor', amountFen: 40_000 }]);
    expect(checkExpenditure(balances, { category: 'labor', amountFen: 10_000 })).toBeNull();
    expect(checkExpenditure(balances, { category: 'labor', amountFen: 10_001 })).toMatchObject({
      field: 'amountFen',
      code: 'over_budget',
      article: '第三十六条',
    });
  });

  it('refuses a date outside the fiscal year or in the future', () => {
    expect(checkSpentOn('2026-03-01', 2026, '2026-06-01')).toBeNull();
    expect(checkSpentOn('2025-12-31', 2026, '2026-06-01')).toMatchObject({ code: 'outside_fiscal_year' });
    expect(checkSpentOn('2026-06-02', 2026, '2026-06-01')).toMatchObject({ code: 'in_future', field: 'spentOn' });
  });

  it('reverses an expenditure once, never a reversal', () => {
    expect(checkReversal({ kind: 'expenditure', reversedBy: null })).toBeNull();
    expect(checkReversal({ kind: 'expenditure', reversedBy: 'x' })).toMatchObject({ code: 'already_reversed' });
    expect(checkReversal({ kind: 'reversal', reversedBy: null })).toMatchObject({ code: 'reversal_of_reversal' });
  });

  it('rounds the execution rate to four places; null with nothing allocated', () => {
    expect(executionRate(1, 3)).toBe(0.3333);
    expect(executionRate(2, 3)).toBe(0.6667);
    expect(executionRate(0, 0)).toBeNull();
    expect(executionRate(100, 100)).toBe(1);
  });

  it('meets a target by its direction', () => {
    expect(targetMet('at_least', 10, 10)).toBe(true);
    expect(targetMet('at_least', 10, 9)).toBe(false);
    expect(targetMet('at_most', 10, 11)).toBe(false);
    expect(targetMet('at_most', 10, 3)).toBe(true);
  });

  it('A35: a dimension belongs to its tier', () => {
    expect(dimensionBelongsToTier('output', 'quantity')).toBe(true);
    expect(dimensionBelongsToTier('effect', 'quantity')).toBe(false);
    expect(dimensionBelongsToTier('satisfaction', 'satisfaction')).toBe(true);
  });

  it('reads the workbook cells', () => {
    expect(yuanToFen('12345.6')).toBe(1_234_560);
    expect(yuanToFen('1,000.05')).toBe(100_005);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen(' 1,234,567.8 ')).toBe(123_456_780);
    expect(yuanToFen('12,345')).toBe(1_234_500);
    expect(yuanToFen('１２，３４５．６')).toBe(1_234_560);
    expect(fenToYuan(-1_234_505)).toBe('-12345.05');
    expect(fenToYuan(1_000_000_000_000_000)).toBe('10000000000000.00');
  });

  it('reads commas only as thousands separators: a decimal comma or a stray one is refused', () => {
    for (const text of ['12,50', '1,2,3', '1000,', ',100', '1,0000', '12,34.5', '1,,000', '1,000,00']) {
      expect([text, yuanToFen(text)]).toEqual([text, null]);
    }
    expect(yuanToFen('9,999,999,999,999.99')).toBe(999_999_999_999_999);
    expect(yuanToFen('10000000000000')).toBeNull();
    expect(fenToYuan(1_234_560)).toBe('12345.60');
    expect(fenToYuan(5)).toBe('0.05');
    expect(parseExpenseCategory('设备费')).toBe('equipment');
    expect(parseExpenseCategory('间接费用')).toBe('indirect');
    expect(parseExpenseCategory('labor')).toBe('labor');
    expect(parseExpenseCategory('差旅费')).toBeNull();
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('No')).toBe(false);
    expect(parseYesNo('')).toBe(false);
    expect(parseYesNo('maybe')).toBeNull();
  });
});

type Step = { kind: 'spend'; category: ExpenseCategory; amountFen: number } | { kind: 'reverse'; pick: number };

interface Entry {
  readonly kind: 'expenditure' | 'reversal';
  readonly category: ExpenseCategory;
  readonly amountFen: number;
  reversedBy: number | null;
}

describe('A36 ledger property: no sequence of expenditures and reversals breaks the balance or the budget', () => {
  const budgetArb = fc.uniqueArray(
    fc.record({ category: fc.constantFrom(...EXPENSE_CATEGORIES), amountFen: fc.integer({ min: 1, max: 1_000_000 }) }),
    { minLength: 1, maxLength: 4, selector: (line) => line.category },
  );
  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('spend' as const),
      category: fc.constantFrom(...EXPENSE_CATEGORIES),
      amountFen: fc.integer({ min: 1, max: 600_000 }),
    }),
    fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  );

  it('holds for random sequences', () => {
    fc.assert(
      fc.property(budgetArb, fc.array(stepArb, { maxLength: 60 }), (lines, steps) => {
        const entries: Entry[] = [];
        for (const step of steps) {
          if (step.kind === 'spend') {
            const problem = checkExpenditure(balancesByCategory(lines, entries), step);
            if (problem === null)
              entries.push({
                kind: 'expenditure',
                category: step.category,
                amountFen: step.amountFen,
                reversedBy: null,
              });
          } else if (entries.length > 0) {
            const target = entries[step.pick % entries.length]!;
            if (checkReversal(target) === null) {
              target.reversedBy = entries.length;
              entries.push({
                kind: 'reversal',
                category: target.category,
                amountFen: -target.amountFen,
                reversedBy: null,
              });
            }
          }
          const balances = balancesByCategory(lines, entries);
          for (const balance of balances) {
            const sum = entries.filter((e) => e.category === balance.category).reduce((s, e) => s + e.amountFen, 0);
            expect(balance.spentFen).toBe(sum);
            expect(balance.remainingFen).toBe(balance.budgetFen - balance.spentFen);
            expect(balance.remainingFen).toBeGreaterThanOrEqual(0);
            expect(balance.spentFen).toBeGreaterThanOrEqual(0);
          }
          // Nothing outside the budget's categories is ever recorded.
          expect(entries.every((e) => lines.some((l) => l.category === e.category))).toBe(true);
          // Every reversal answers exactly one expenditure, reversed once.
          const reversed = entries.filter((e) => e.reversedBy !== null);
          expect(reversed.every((e) => e.kind === 'expenditure')).toBe(true);
          expect(entries.filter((e) => e.kind === 'reversal')).toHaveLength(reversed.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
