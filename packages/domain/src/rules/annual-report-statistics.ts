import { finding, type Finding, type LocalizedText } from '../findings';

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
  /** A35: the performance targets of provincial funds for the year. */
  readonly performanceTargets: readonly PerformanceTarget[];
}

export interface MajorAchievement {
  readonly title: string;
  readonly description: string;
}

export interface PerformanceTarget {
  readonly indicator: string;
  readonly unit: string;
  readonly target: number;
  readonly achieved: number;
  /** Cost indicators (成本指标) are met by staying at or below the target; the rest by reaching it. */
  readonly direction?: 'at_least' | 'at_most';
  readonly shortfallReason?: string;
}

/** How a template cell is written and read back. */
export type StatisticsColumnKind = 'fen' | 'count' | 'decimal' | 'text';

export interface StatisticsColumn<K extends string> {
  readonly key: K;
  readonly label: LocalizedText;
  readonly kind: StatisticsColumnKind;
  readonly optional?: boolean;
}

type ScalarKey = Exclude<keyof AnnualReportStatistics, 'majorAchievements' | 'performanceTargets'>;

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

/** The sheet of performance targets, one row each. */
export const PERFORMANCE_TARGET_COLUMNS: readonly StatisticsColumn<keyof PerformanceTarget>[] = [
  column('indicator', '绩效指标', 'Indicator', 'text'),
  column('unit', '计量单位', 'Unit', 'text'),
  column('target', '目标值', 'Target', 'decimal'),
  column('achieved', '完成值', 'Achieved', 'decimal'),
  column('direction', '指标方向（at_least 不低于 / at_most 不高于）', 'Direction (at_least / at_most)', 'text', true),
  column('shortfallReason', '未完成原因', 'Reason for the shortfall', 'text', true),
];

/** A field the table cannot hold as given: its path (e.g. `performanceTargets[2].achieved`) and why. */
export interface StatisticsFieldError {
  readonly path: string;
  readonly message: LocalizedText;
}

export interface StatisticsCheck {
  /** Hard: the report cannot be submitted while any is left (A27-statistics). */
  readonly errors: readonly StatisticsFieldError[];
  /** Advisory findings for the reviewers, e.g. a shortfall without its reason (A35). */
  readonly findings: readonly Finding[];
}

/** A27, A35: checks the statistics table field by field; never throws for bad data. */
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
  const findings: Finding[] = [];
  listOf(stats.performanceTargets, 'performanceTargets', errors).forEach((target, i) => {
    const at = `performanceTargets[${i}]`;
    textRequired(target.indicator, `${at}.indicator`, targetLabel('indicator'), errors);
    textRequired(target.unit, `${at}.unit`, targetLabel('unit'), errors);
    const targetProblem = numberProblem(target.target, 'decimal');
    const achievedProblem = numberProblem(target.achieved, 'decimal');
    if (targetProblem) errors.push({ path: `${at}.target`, message: withLabel(targetLabel('target'), targetProblem) });
    if (achievedProblem)
      errors.push({
        path: `${at}.achieved`,
        message: withLabel(targetLabel('achieved'), achievedProblem),
      });
    // Read back from a template, the cell may hold anything.
    const direction: unknown = target.direction;
    if (direction !== undefined && direction !== 'at_least' && direction !== 'at_most') {
      errors.push({
        path: `${at}.direction`,
        message: { zh: '指标方向须为 at_least 或 at_most', en: 'direction is at_least or at_most' },
      });
    }
    if (targetProblem === undefined && achievedProblem === undefined && fallsShort(target)) {
      findings.push(shortfallFinding(target, at));
    }
  });
  return { errors, findings };
}

/** Whether a performance target was missed, given its direction. */
export function fallsShort(target: PerformanceTarget): boolean {
  return target.direction === 'at_most' ? target.achieved > target.target : target.achieved < target.target;
}

function shortfallFinding(target: PerformanceTarget, path: string): Finding {
  const explained = typeof target.shortfallReason === 'string' && target.shortfallReason.trim().length > 0;
  return finding(
    'A35-performance-shortfall',
    explained,
    explained
      ? {
          zh: `绩效指标“${target.indicator}”未完成，已说明原因`,
          en: `“${target.indicator}” fell short; the reason is given`,
        }
      : {
          zh: `绩效指标“${target.indicator}”目标${target.target}${target.unit}、完成${target.achieved}${target.unit}，未说明原因`,
          en: `“${target.indicator}” targeted ${target.target} ${target.unit} and achieved ${target.achieved}: no reason given`,
        },
    { path, target: target.target, achieved: target.achieved },
  );
}

function targetLabel(key: keyof PerformanceTarget): LocalizedText {
  return PERFORMANCE_TARGET_COLUMNS.find((c) => c.key === key)?.label ?? { zh: key, en: key };
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
