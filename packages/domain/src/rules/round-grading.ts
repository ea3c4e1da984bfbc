import { finding, type Finding } from '../findings';
import { gradeForScore, gradeThresholdFindings, type Grade, type GradeThresholds } from './grades';

/**
 * DOMAIN.md §7: the cap on excellent grades is a share of the round's centers (0–1). It becomes a count
 * by rounding down, so the share is never exceeded: 15 % of 21 centers allows 3 excellent grades.
 */
export interface ExcellentCap {
  readonly share: number;
}

/** A30: DST's decision to give a center another grade than its score earns, kept with its reason. */
export interface GradeOverride {
  readonly centerId: string;
  readonly grade: Grade;
  readonly reason: string;
}

export interface RoundGradingInput {
  /** Totals as `scoreCenter` gives them (0–100, two decimals). */
  readonly centers: readonly { readonly centerId: string; readonly total: number }[];
  readonly thresholds: GradeThresholds;
  readonly excellentCap?: ExcellentCap;
  /** DST's order among centers tied at the cap, first preferred; it must name every tied center. */
  readonly tieBreak?: readonly string[];
  readonly overrides?: readonly GradeOverride[];
}

export interface CenterGrading {
  readonly centerId: string;
  readonly total: number;
  /** Position 1…n: by total, then DST's tie-break, then center id (only where the grade does not depend on it). */
  readonly rank: number;
  /** 1 + the number of centers with a higher total: what a published ranking shows for equal totals. */
  readonly scoreRank: number;
  readonly computedGrade: Grade;
  /** After the cap; null while the center is in an undecided tie at the cap. */
  readonly cappedGrade: Grade | null;
  /** After DST's override; null while undecided. */
  readonly grade: Grade | null;
  readonly override?: GradeOverride;
}

export type RoundGrading =
  | {
      readonly ok: true;
      readonly centers: readonly CenterGrading[];
      /** How many excellent grades the cap allows; null without a cap. */
      readonly capCount: number | null;
      /** Centers with equal totals straddling the cap, for DST to order; empty once decided. */
      readonly tieAtCap: readonly string[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** A30: grades a round by total, applies the cap on excellent grades by rank and DST's overrides. O(n log n). */
export function gradeRound(input: RoundGradingInput): RoundGrading {
  const refusals = inputFindings(input).filter((f) => !f.passed);
  if (refusals.length > 0) return { ok: false, findings: refusals };

  const tieOrder = new Map((input.tieBreak ?? []).map((id, i) => [id, i]));
  const sorted = [...input.centers].sort(
    (a, b) =>
      b.total - a.total ||
      (tieOrder.get(a.centerId) ?? Infinity) - (tieOrder.get(b.centerId) ?? Infinity) ||
      (a.centerId < b.centerId ? -1 : a.centerId > b.centerId ? 1 : 0),
  );
  const computed = sorted.map((c) => gradeForScore(c.total, input.thresholds));
  const capCount =
    input.excellentCap === undefined ? null : Math.floor(input.excellentCap.share * sorted.length + 1e-9);
  const excellentCount = computed.filter((g) => g === 'excellent').length;

  // Over the cap, the first capCount by rank keep excellent; equal totals across the line wait for DST.
  let undecided = new Set<string>();
  if (capCount !== null && excellentCount > capCount && capCount > 0) {
    const line = sorted[capCount - 1]?.total;
    if (line !== undefined && sorted[capCount]?.total === line) {
      const tied = sorted.filter((c, i) => i < excellentCount && c.total === line).map((c) => c.centerId);
      if (!tied.every((id) => tieOrder.has(id))) undecided = new Set(tied);
    }
  }

  const overrides = new Map((input.overrides ?? []).map((o) => [o.centerId, o]));
  let scoreRank = 1;
  const centers = sorted.map((c, i): CenterGrading => {
    if (i > 0 && c.total !== sorted[i - 1]?.total) scoreRank = i + 1;
    const computedGrade = computed[i] ?? 'fail';
    const cappedGrade = undecided.has(c.centerId)
      ? null
      : computedGrade === 'excellent' && capCount !== null && i >= capCount
        ? 'good'
        : computedGrade;
    const override = overrides.get(c.centerId);
    const base = { centerId: c.centerId, total: c.total, rank: i + 1, scoreRank, computedGrade, cappedGrade };
    return override === undefined ? { ...base, grade: cappedGrade } : { ...base, grade: override.grade, override };
  });

  const capFindings = capCount === null ? [] : overrideCapFindings(centers, capCount);
  if (capFindings.length > 0) return { ok: false, findings: capFindings };
  return { ok: true, centers, capCount, tieAtCap: [...undecided] };
}

function inputFindings(input: RoundGradingInput): Finding[] {
  const ids = new Set<string>();
  for (const c of input.centers) {
    if (ids.has(c.centerId)) throw new RangeError(`center ${c.centerId} appears twice in the round`);
    ids.add(c.centerId);
    if (!(Number.isFinite(c.total) && c.total >= 0 && c.total <= 100)) {
      throw new RangeError(`the total of ${c.centerId} must be within 0–100, got ${c.total}`);
    }
  }
  const findings = gradeThresholdFindings(input.thresholds);
  const share = input.excellentCap?.share;
  if (share !== undefined && !(Number.isFinite(share) && share >= 0 && share <= 1)) {
    findings.push(
      finding('A30-excellent-cap', false, {
        zh: `优秀比例须在0至1之间，当前为${share}`,
        en: `The share of excellent grades must lie within 0–1, got ${share}`,
      }),
    );
  }
  for (const id of input.tieBreak ?? []) {
    if (!ids.has(id)) {
      findings.push(
        finding('A30-excellent-cap', false, {
          zh: `同分排序中的中心${id}不在本轮`,
          en: `The tie-break names ${id}, which is not in the round`,
        }),
      );
    }
  }
  const overridden = new Set<string>();
  for (const o of input.overrides ?? []) {
    const problem = !ids.has(o.centerId)
      ? { zh: `中心${o.centerId}不在本轮`, en: `${o.centerId} is not in the round` }
      : overridden.has(o.centerId)
        ? { zh: `中心${o.centerId}有多项等次调整`, en: `${o.centerId} has more than one override` }
        : o.reason.trim().length === 0
          ? { zh: `调整中心${o.centerId}的等次须说明理由`, en: `Overriding the grade of ${o.centerId} needs a reason` }
          : undefined;
    overridden.add(o.centerId);
    if (problem !== undefined) findings.push(finding('A30-grade-override', false, problem, { centerId: o.centerId }));
  }
  return findings;
}

// An override may raise a center to excellent only while the round stays within its cap.
function overrideCapFindings(centers: readonly CenterGrading[], capCount: number): Finding[] {
  const excellent = centers.filter((c) => c.grade === 'excellent').length;
  const raised = centers.filter((c) => c.override?.grade === 'excellent' && c.cappedGrade !== 'excellent');
  if (excellent <= capCount || raised.length === 0) return [];
  return [
    finding(
      'A30-excellent-cap',
      false,
      {
        zh: `调整后优秀${excellent}个，超过本轮上限${capCount}个`,
        en: `With the overrides ${excellent} centers are excellent, above the round’s cap of ${capCount}`,
      },
      { excellent, capCount, raised: raised.map((c) => c.centerId).join(',') },
    ),
  ];
}
