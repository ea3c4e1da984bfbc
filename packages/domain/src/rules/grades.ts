import type { CalendarPeriod } from '../calendar/periods';
import { finding, type Finding, type LocalizedText } from '../findings';

/** A30: the four grades of an evaluation. */
export const GRADES = ['excellent', 'good', 'basic_pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Readonly<Record<Grade, LocalizedText>> = {
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  basic_pass: { zh: '基本合格', en: 'basic pass' },
  fail: { zh: '不合格', en: 'fail' },
};

/** The lowest score of each grade above fail; a round sets its own. */
export interface GradeThresholds {
  readonly excellent: number;
  readonly good: number;
  readonly basicPass: number;
}

/** The thresholds DOMAIN.md §7 gives as an example: ≥ 90 excellent, < 60 fail. */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 75, basicPass: 60 };

/** The grade a score earns under a round's thresholds (scores run 0 to 100). */
export function gradeForScore(score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  if (!Number.isFinite(score) || score < 0 || score > 100)
    throw new RangeError(`score must be within 0–100, got ${score}`);
  if (!(thresholds.excellent > thresholds.good && thresholds.good > thresholds.basicPass)) {
    throw new RangeError('grade thresholds must descend: excellent > good > basicPass');
  }
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.basicPass) return 'basic_pass';
  return 'fail';
}

/** A30: a round's thresholds lie within 0–100 and descend (excellent > good > basic pass). */
export function gradeThresholdFindings(thresholds: GradeThresholds): Finding[] {
  const values = [thresholds.excellent, thresholds.good, thresholds.basicPass];
  const inRange = values.every((v) => Number.isFinite(v) && v >= 0 && v <= 100);
  const descending = thresholds.excellent > thresholds.good && thresholds.good > thresholds.basicPass;
  const shown = `${thresholds.excellent} / ${thresholds.good} / ${thresholds.basicPass}`;
  return [
    finding(
      'A30-grade-thresholds',
      inRange && descending,
      inRange && descending
        ? { zh: `等次分数线 ${shown}`, en: `Grade thresholds ${shown}` }
        : {
            zh: `等次分数线 ${shown} 须在0至100之间且优秀 > 良好 > 基本合格`,
            en: `Grade thresholds ${shown} must lie within 0–100 with excellent > good > basic pass`,
          },
    ),
  ];
}

/** What a grade sets in motion (A30, A31). */
export type GradeConsequence =
  | { readonly kind: 'policy_support'; readonly article: string }
  | { readonly kind: 'none'; readonly article: string }
  | { readonly kind: 'rectification'; readonly article: string; readonly period: CalendarPeriod }
  | { readonly kind: 'revocation'; readonly article: string; readonly ground: 1 };

/** A30: excellent earns policy support, basic pass a one-year rectification, fail revocation (A31(一)). */
export function gradeConsequence(grade: Grade): GradeConsequence {
  switch (grade) {
    case 'excellent':
      return { kind: 'policy_support', article: '第三十条' };
    case 'good':
      return { kind: 'none', article: '第三十条' };
    case 'basic_pass':
      return { kind: 'rectification', article: '第三十条', period: { years: 1 } };
    case 'fail':
      return { kind: 'revocation', article: '第三十一条第（一）项', ground: 1 };
  }
}
