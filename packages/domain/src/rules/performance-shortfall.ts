import { finding, type Finding } from '../findings';

/** A35: a performance target of a provincial allocation as the funding service reports it for the year. */
export interface ReportedTarget {
  readonly indicator: string;
  readonly unit: string;
  readonly targetValue: number;
  /** The units' year-end self-evaluation; null until they gave it. */
  readonly achievedValue: number | null;
  /** Cost indicators (成本指标) are met by staying at or below the target; the rest by reaching it. */
  readonly direction: 'at_least' | 'at_most';
  readonly shortfallReason: string | null;
}

/** Whether a self-evaluated target was missed, given its direction; one not yet evaluated is not. */
export function fallsShort(target: ReportedTarget): boolean {
  if (target.achievedValue === null) return false;
  return target.direction === 'at_most'
    ? target.achievedValue > target.targetValue
    : target.achievedValue < target.targetValue;
}

/**
 * A35: the advisory findings for the reviewers of an annual report, one per missed target of the funds
 * section: passed when the shortfall's reason is given, failed when it is not. `path` names where it is.
 */
export function performanceShortfallFindings(
  targets: readonly { readonly target: ReportedTarget; readonly path: string }[],
): Finding[] {
  return targets.filter(({ target }) => fallsShort(target)).map(({ target, path }) => shortfallFinding(target, path));
}

function shortfallFinding(target: ReportedTarget, path: string): Finding {
  const explained = typeof target.shortfallReason === 'string' && target.shortfallReason.trim().length > 0;
  const achieved = target.achievedValue ?? 0;
  return finding(
    'A35-performance-shortfall',
    explained,
    explained
      ? {
          zh: `绩效指标“${target.indicator}”未完成，已说明原因`,
          en: `“${target.indicator}” fell short; the reason is given`,
        }
      : {
          zh: `绩效指标“${target.indicator}”目标${target.targetValue}${target.unit}、完成${achieved}${target.unit}，未说明原因`,
          en: `“${target.indicator}” targeted ${target.targetValue} ${target.unit} and achieved ${achieved}: no reason given`,
        },
    { path, target: target.targetValue, achieved },
  );
}
