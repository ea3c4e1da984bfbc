import type { LocalizedText } from '../findings';
import {
  EXPENSE_CATEGORIES,
  PERFORMANCE_DIMENSIONS,
  type ExpenseCategory,
  type PerformanceTier,
  type TargetDirection,
} from './funding-terms';

/** A36 单独核算、专款专用. */
export const LEDGER_ARTICLE = '第三十六条';
/** A35 绩效目标管理. */
export const PERFORMANCE_ARTICLE = '第三十五条';

/** One line of an allocation's budget. */
export interface BudgetLine {
  readonly category: ExpenseCategory;
  readonly amountFen: number;
}

/** What the ledger rules need of an entry: its category and its signed amount. */
export interface LedgerAmount {
  readonly category: ExpenseCategory;
  readonly amountFen: number;
}

export interface CategoryBalance {
  readonly category: ExpenseCategory;
  readonly budgetFen: number;
  readonly spentFen: number;
  readonly remainingFen: number;
}

/** Why the ledger refuses something: the field, a stable code, the texts and the article. */
export interface LedgerProblem {
  readonly field: string;
  readonly code:
    | 'category_not_in_budget'
    | 'over_budget'
    | 'outside_fiscal_year'
    | 'in_future'
    | 'allocation_not_active'
    | 'already_reversed'
    | 'reversal_of_reversal'
    | 'invalid_value';
  readonly message: LocalizedText;
  readonly article: string;
}

const CATEGORY_NAMES: Record<ExpenseCategory, string> = {
  equipment: '设备费',
  business: '业务费',
  labor: '劳务费',
  indirect: '间接费用',
};

/** The Chinese name of an expense category. */
export function categoryName(category: ExpenseCategory): string {
  return CATEGORY_NAMES[category];
}

/**
 * 元 with at most two decimals as whole fen: '12345.6' → 1234560, '1,234.50' → 123450; null when not such an
 * amount. Commas are only thousands separators in groups of three ('12,50', '1,2,3' and '1000,' are refused);
 * full-width digits, comma and point (１２，３４５．６) are read as their ASCII forms.
 */
export function yuanToFen(text: string): number | null {
  const normalised = text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0C/g, ',')
    .replace(/\uFF0E/g, '.')
    .trim();
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(normalised);
  if (match === null || match[1] === undefined) return null;
  const digits = match[1].replace(/,/g, '');
  if (digits.length > 13) return null;
  const whole = Number(digits);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** Whole fen as a decimal string of 元 with two places: 1234560 → '12345.60'. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A category code or its Chinese name (设备费、业务费、劳务费、间接费用); null when neither. */
export function parseExpenseCategory(text: string): ExpenseCategory | null {
  const value = text.trim();
  const byCode = EXPENSE_CATEGORIES.find((c) => c === value.toLowerCase());
  if (byCode !== undefined) return byCode;
  return EXPENSE_CATEGORIES.find((c) => CATEGORY_NAMES[c] === value) ?? null;
}

/** 是/否, yes/no (and y/n, true/false, 1/0); empty is no; null when none of these. */
export function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['是', 'yes', 'y', 'true', '1'].includes(value)) return true;
  if (['否', 'no', 'n', 'false', '0', ''].includes(value)) return false;
  return null;
}

/** The balance of each budget category after the entries (expenditures positive, reversals negative). */
export function balancesByCategory(budget: readonly BudgetLine[], entries: readonly LedgerAmount[]): CategoryBalance[] {
  return budget.map((line) => {
    const spentFen = entries.filter((e) => e.category === line.category).reduce((sum, e) => sum + e.amountFen, 0);
    return { category: line.category, budgetFen: line.amountFen, spentFen, remainingFen: line.amountFen - spentFen };
  });
}

/**
 * A36: may an expenditure of `amountFen` in `category` be recorded against these balances? A category
 * outside the budget and an amount beyond the category's remaining budget are refused.
 */
export function checkExpenditure(
  balances: readonly CategoryBalance[],
  expenditure: LedgerAmount,
): LedgerProblem | null {
  const line = balances.find((b) => b.category === expenditure.category);
  if (line === undefined) {
    return {
      field: 'category',
      code: 'category_not_in_budget',
      message: {
        zh: `该笔资金的预算中没有${CATEGORY_NAMES[expenditure.category]}，专款专用`,
        en: `The allocation's budget has no ${expenditure.category} category; funds are spent as budgeted`,
      },
      article: LEDGER_ARTICLE,
    };
  }
  if (!Number.isSafeInteger(expenditure.amountFen) || expenditure.amountFen <= 0) {
    return {
      field: 'amountFen',
      code: 'invalid_value',
      message: { zh: '金额须为正的整数（分）', en: 'The amount must be a positive whole number of fen' },
      article: LEDGER_ARTICLE,
    };
  }
  if (expenditure.amountFen > line.remainingFen) {
    return {
      field: 'amountFen',
      code: 'over_budget',
      message: {
        zh: `${CATEGORY_NAMES[line.category]}剩余预算${fenToYuan(line.remainingFen)}元，不足支出${fenToYuan(expenditure.amountFen)}元`,
        en: `The ${line.category} budget has ${fenToYuan(line.remainingFen)} yuan left, less than ${fenToYuan(expenditure.amountFen)} yuan`,
      },
      article: LEDGER_ARTICLE,
    };
  }
  return null;
}

/** A36: an expenditure dated outside the allocation's fiscal year, or after today, is refused. */
export function checkSpentOn(spentOn: string, fiscalYear: number, today: string): LedgerProblem | null {
  if (!spentOn.startsWith(`${fiscalYear}-`)) {
    return {
      field: 'spentOn',
      code: 'outside_fiscal_year',
      message: {
        zh: `支出日期${spentOn}不在该笔资金的${fiscalYear}年度内`,
        en: `${spentOn} is outside the allocation's fiscal year ${fiscalYear}`,
      },
      article: LEDGER_ARTICLE,
    };
  }
  if (spentOn > today) {
    return {
      field: 'spentOn',
      code: 'in_future',
      message: { zh: `支出日期${spentOn}晚于今天`, en: `${spentOn} is in the future` },
      article: LEDGER_ARTICLE,
    };
  }
  return null;
}

/** What the reversal rules need of the entry to reverse. */
export interface ReversibleEntry {
  readonly kind: 'expenditure' | 'reversal';
  readonly reversedBy: unknown;
}

/** A36: a correction reverses an expenditure once; a reversal is never reversed. */
export function checkReversal(entry: ReversibleEntry): LedgerProblem | null {
  if (entry.kind === 'reversal') {
    return {
      field: 'entryId',
      code: 'reversal_of_reversal',
      message: {
        zh: '冲销分录不能再被冲销，请重新记录正确的支出',
        en: 'A reversal cannot be reversed; record the right expenditure',
      },
      article: LEDGER_ARTICLE,
    };
  }
  if (entry.reversedBy !== null && entry.reversedBy !== undefined) {
    return {
      field: 'entryId',
      code: 'already_reversed',
      message: { zh: '该笔支出已被冲销', en: 'This expenditure was reversed already' },
      article: LEDGER_ARTICLE,
    };
  }
  return null;
}

/** Spent over allocated as a fraction rounded to four places (0.4567); null when nothing was allocated. */
export function executionRate(spentFen: number, allocatedFen: number): number | null {
  if (allocatedFen <= 0) return null;
  return Math.round((spentFen / allocatedFen) * 10_000) / 10_000;
}

/** A35: is the target met by the achieved value, in its direction? */
export function targetMet(direction: TargetDirection, targetValue: number, achievedValue: number): boolean {
  return direction === 'at_least' ? achievedValue >= targetValue : achievedValue <= targetValue;
}

/** A35: a dimension (二级指标) belongs to its tier (一级指标). */
export function dimensionBelongsToTier(tier: PerformanceTier, dimension: string): boolean {
  return (PERFORMANCE_DIMENSIONS[tier] as readonly string[]).includes(dimension);
}
