import type { LocalizedText } from '../findings';

/**
 * The statistics table of an annual report (A27; DOMAIN.md §7). Money is in fen (分) as whole numbers,
 * like the funds ledger (A36): sums stay exact and a template cell never carries a rounding of 万元.
 */
export interface AnnualReportStatistics {
  readonly rdSpendingFen: number;
  readonly fixedStaff: number;
  readonly floatingStaff: number;
  readonly patentsGranted: number;
  /** Counted within `patentsGranted`. */
  readonly inventionPatentsGranted: number;
  readonly standardsDrafted: number;
  readonly transferContracts: number;
  readonly transferIncomeFen: number;
  readonly incubatedFirms: number;
  /** A22: instruments open to outside users, and the hours they served them. */
  readonly instrumentsShared: number;
  readonly sharingHours: number;
  /** A16, A17: filled from the personnel registry's meeting records, so a unit need not type them. */
  readonly managementCommitteeMeetings?: number;
  readonly advisoryCommitteeMeetings?: number;
  readonly majorAchievements: readonly MajorAchievement[];
  // A27, A35: the provincial funds and their performance targets are not typed here; the report takes
  // them from the funding service (the funds section), so a unit never retypes what DST recorded.
}

export interface MajorAchievement {
  readonly title: string;
  readonly description: string;
}

/** How a template cell is written and read back. */
export type StatisticsColumnKind = 'fen' | 'count' | 'decimal' | 'text';

export interface StatisticsColumn<K extends string> {
  readonly key: K;
  readonly label: LocalizedText;
  readonly kind: StatisticsColumnKind;
  readonly optional?: boolean;
}

type ScalarKey = Exclude<keyof AnnualReportStatistics, 'majorAchievements'>;

function column<K extends string>(key: K, zh: string, en: string, kind: StatisticsColumnKind, optional = false) {
  return optional ? { key, label: { zh, en }, kind, optional } : { key, label: { zh, en }, kind };
}

/** The one-row sheet of the template, in the order of DOMAIN.md §7. */
export const STATISTICS_COLUMNS: readonly StatisticsColumn<ScalarKey>[] = [
  column('rdSpendingFen', '研发经费支出（分）', 'R&D spending (fen)', 'fen'),
  column('fixedStaff', '固定人员（人）', 'Fixed staff', 'count'),
  column('floatingStaff', '流动人员（人）', 'Floating staff', 'count'),
  column('patentsGranted', '授权专利（件）', 'Patents granted', 'count'),
  column('inventionPatentsGranted', '其中：发明专利（件）', 'of which invention patents', 'count'),
  column('standardsDrafted', '主持或参与制定标准（项）', 'Standards drafted', 'count'),
  column('transferContracts', '技术转让合同（项）', 'Technology transfer contracts', 'count'),
  column('transferIncomeFen', '技术转让收入（分）', 'Technology transfer income (fen)', 'fen'),
  column('incubatedFirms', '孵化企业（家）', 'Incubated firms', 'count'),
  column('instrumentsShared', '对外共享仪器设备（台套）', 'Instruments shared', 'count'),
  column('sharingHours', '共享服务机时（小时）', 'Hours of sharing', 'decimal'),
  column('managementCommitteeMeetings', '管理委员会会议（次）', 'Management committee meetings', 'count', true),
  column('advisoryCommitteeMeetings', '技术指导委员会会议（次）', 'Advisory committee meetings', 'count', true),
];

/** The sheet of major achievements, one row each. */
export const MAJOR_ACHIEVEMENT_COLUMNS: readonly StatisticsColumn<keyof MajorAchievement>[] = [
  column('title', '成果名称', 'Title', 'text'),
  column('description', '成果简介', 'Description', 'text'),
];

/** A field the table cannot hold as given: its path (e.g. `majorAchievements[2].title`) and why. */
export interface StatisticsFieldError {
  readonly path: string;
  readonly message: LocalizedText;
}

export interface StatisticsCheck {
  /** Hard: the report cannot be submitted while any is left (A27-statistics). */
  readonly errors: readonly StatisticsFieldError[];
}

/** A27: checks the statistics table field by field; never throws for bad data. */
export function checkAnnualReportStatistics(stats: AnnualReportStatistics): StatisticsCheck {
  const errors: StatisticsFieldError[] = [];
  for (const { key, kind, label, optional } of STATISTICS_COLUMNS) {
    const value: unknown = stats[key];
    if (value === undefined && optional === true) continue;
    const problem = numberProblem(value, kind);
    if (problem !== undefined) errors.push({ path: key, message: withLabel(label, problem) });
  }
  if (
    errors.every((e) => e.path !== 'patentsGranted' && e.path !== 'inventionPatentsGranted') &&
    stats.inventionPatentsGranted > stats.patentsGranted
  ) {
    errors.push({
      path: 'inventionPatentsGranted',
      message: {
        zh: `发明专利（${stats.inventionPatentsGranted}件）不能多于授权专利总数（${stats.patentsGranted}件）`,
        en: `Invention patents (${stats.inventionPatentsGranted}) cannot exceed patents granted (${stats.patentsGranted})`,
      },
    });
  }
  listOf(stats.majorAchievements, 'majorAchievements', errors).forEach((item, i) => {
    for (const { key, label } of MAJOR_ACHIEVEMENT_COLUMNS)
      textRequired(item[key], `majorAchievements[${i}].${key}`, label, errors);
  });
  return { errors };
}

function numberProblem(value: unknown, kind: StatisticsColumnKind): LocalizedText | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { zh: '须填写数字', en: 'must be a number' };
  if (value < 0) return { zh: '不能为负数', en: 'cannot be negative' };
  if ((kind === 'count' || kind === 'fen') && !Number.isSafeInteger(value)) {
    return kind === 'fen'
      ? { zh: '金额以分为单位，须为整数', en: 'is in fen and must be a whole number' }
      : { zh: '须为整数', en: 'must be a whole number' };
  }
  return undefined;
}

function withLabel(label: LocalizedText, problem: LocalizedText): LocalizedText {
  return { zh: `${label.zh}${problem.zh}`, en: `${label.en} ${problem.en}` };
}

function listOf<T>(value: readonly T[] | undefined, path: string, errors: StatisticsFieldError[]): readonly T[] {
  if (Array.isArray(value)) return value as readonly T[];
  errors.push({ path, message: { zh: '须为列表（可为空）', en: 'must be a list (it may be empty)' } });
  return [];
}

function textRequired(value: unknown, path: string, label: LocalizedText, errors: StatisticsFieldError[]): void {
  if (typeof value === 'string' && value.trim().length > 0) return;
  errors.push({ path, message: withLabel(label, { zh: '不能为空', en: 'cannot be empty' }) });
}
