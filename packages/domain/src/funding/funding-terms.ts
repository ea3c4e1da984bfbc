/**
 * A32: where a center's money comes from. Each source is recorded by center and year; only
 * `provincial` is allocated, accounted and rated on the platform (A34–A36).
 */
export const FUNDING_SOURCES = [
  'provincial',
  'city_county',
  'recommender',
  'supporting_unit',
  'construction_unit',
  'enterprise',
  'financial_institution',
  'social_capital',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * A34, A36: the expense categories of a provincial allocation's budget, as the 2021 reform of central
 * and provincial research funds names them (设备费、业务费、劳务费; 间接费用 apart).
 */
export const EXPENSE_CATEGORIES = ['equipment', 'business', 'labor', 'indirect'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/**
 * A35 绩效目标管理: the three tiers of performance indicators (一级) and their dimensions (二级), as the
 * provincial finance department's templates lay them out.
 */
export const PERFORMANCE_DIMENSIONS = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  effect: ['economic', 'social', 'sustainable'],
  satisfaction: ['satisfaction'],
} as const;
export type PerformanceTier = keyof typeof PERFORMANCE_DIMENSIONS;
export const PERFORMANCE_TIERS = Object.keys(PERFORMANCE_DIMENSIONS) as [PerformanceTier, ...PerformanceTier[]];
export type PerformanceDimension = (typeof PERFORMANCE_DIMENSIONS)[PerformanceTier][number];
export const PERFORMANCE_DIMENSION_NAMES = Object.values(PERFORMANCE_DIMENSIONS).flat() as [
  PerformanceDimension,
  ...PerformanceDimension[],
];

/** Whether a target is met by reaching at least its value (most) or staying at most at it (cost, time). */
export const TARGET_DIRECTIONS = ['at_least', 'at_most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

/** DST's rating of an allocation's performance at year end (优、良、中、差). */
export const PERFORMANCE_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

/** An allocation: spent against while active; suspended after a misuse finding (A36); closed at year end. */
export const ALLOCATION_STATUSES = ['active', 'suspended', 'closed'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/** 结余结转 (A34): DST's decision on an allocation's unspent balance at year end. */
export const YEAR_END_DECISIONS = ['carry_over', 'return'] as const;
export type YearEndDecision = (typeof YEAR_END_DECISIONS)[number];

/** A30, A33: a policy-support proposal of an excellent grade, until DST allocates or declines. */
export const PROPOSAL_STATUSES = ['proposed', 'allocated', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A36: the kinds of misuse of provincial funds (弄虚作假、截留、挪用、挤占). */
export const MISUSE_KINDS = ['falsification', 'withholding', 'misappropriation', 'diversion'] as const;
export type MisuseKind = (typeof MISUSE_KINDS)[number];

/** A ledger line: an expenditure, or the reversal of one (a correction is never an edit). */
export const LEDGER_ENTRY_KINDS = ['expenditure', 'reversal'] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
