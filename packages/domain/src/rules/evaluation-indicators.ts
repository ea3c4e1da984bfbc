import { finding, type Finding, type LocalizedText } from '../findings';

/** A29: what the evaluation focuses on (重点评估…), as tags an indicator may carry. */
export const A29_FOCUSES = {
  common_key_technology: { zh: '行业共性关键技术突破', en: 'breakthroughs in common key technologies' },
  technology_integration: { zh: '技术集成', en: 'technology integration' },
  product_development: { zh: '产品开发', en: 'product development' },
  transfer_of_results: { zh: '科技成果转移转化', en: 'transfer of results' },
  technical_services: { zh: '技术服务', en: 'technical services' },
  talent: { zh: '技术创新人才聚集培育', en: 'gathering and training innovation talent' },
  service_to_industry: { zh: '服务产业高质量发展', en: 'service to high-quality industrial development' },
  special_funds: { zh: '专项经费使用管理', en: 'use and management of special funds' },
} as const satisfies Record<string, LocalizedText>;
export type A29Focus = keyof typeof A29_FOCUSES;

export interface EvaluationIndicator {
  readonly key: string;
  readonly name: LocalizedText;
  /** Points out of the system's 100. */
  readonly weight: number;
  readonly focus?: A29Focus;
}

export interface EvaluationDimension {
  readonly key: string;
  readonly name: LocalizedText;
  readonly indicators: readonly EvaluationIndicator[];
}

/** The indicator system a round sets (A28: DST sets the implementing rules of the evaluation). */
export interface IndicatorSystem {
  readonly dimensions: readonly EvaluationDimension[];
}

/** Every indicator of a system, in order. */
export function indicatorsOf(system: IndicatorSystem): EvaluationIndicator[] {
  return system.dimensions.flatMap((d) => d.indicators);
}

const TOTAL_WEIGHT = 100;

/** A29, DOMAIN.md §7: weights are positive and sum to 100; dimension and indicator keys are unique. */
export function checkIndicatorSystem(system: IndicatorSystem): Finding[] {
  const indicators = indicatorsOf(system);
  const failures: Finding[] = [];
  const fail = (zh: string, en: string, details?: Finding['details']) =>
    failures.push(finding('A29-indicator-system', false, { zh, en }, details));

  for (const key of duplicates(system.dimensions.map((d) => d.key)))
    fail(`维度“${key}”重复`, `Dimension ${key} appears twice`, { key });
  for (const key of duplicates(indicators.map((i) => i.key)))
    fail(`指标“${key}”重复`, `Indicator ${key} appears twice`, { key });
  for (const d of system.dimensions) {
    if (d.indicators.length === 0)
      fail(`维度“${d.name.zh}”没有指标`, `Dimension ${d.key} has no indicator`, { key: d.key });
  }
  for (const i of indicators) {
    if (!(Number.isFinite(i.weight) && i.weight > 0)) {
      fail(`指标“${i.name.zh}”的权重须大于0`, `Indicator ${i.key} needs a weight above 0`, {
        key: i.key,
        weight: i.weight,
      });
    }
  }
  const sum = inHundredths(indicators.reduce((acc, i) => acc + i.weight, 0)) / 100;
  if (sum !== TOTAL_WEIGHT) {
    fail(`指标权重之和为${sum}，须为100`, `The weights sum to ${sum}, not 100`, { sum });
  }
  return failures.length > 0
    ? failures
    : [finding('A29-indicator-system', true, { zh: '指标体系权重合计100', en: 'The weights sum to 100' })];
}

/**
 * A starting point DST edits for a round: the seven dimensions of DOMAIN.md §7, with an indicator for
 * each A29 focus. The weights are a template for DST to set, not taken from the measures, which give none.
 */
export const DEFAULT_INDICATOR_SYSTEM: IndicatorSystem = {
  dimensions: [
    dimension('organization', '组织管理', 'organization and management', [
      indicator('operation_and_rules', '运行机制与制度建设', 'operating mechanism and rules', 10),
    ]),
    dimension('rd_conditions', '研发条件', 'R&D conditions', [
      indicator('facilities_and_sharing', '科研条件与仪器开放共享', 'facilities and shared instruments (A22)', 10),
    ]),
    dimension('rd_output', '研发产出', 'R&D output', [
      indicator('key_technology', '行业共性关键技术突破', 'common key technologies', 15, 'common_key_technology'),
      indicator('integration', '技术集成', 'technology integration', 10, 'technology_integration'),
      indicator('products', '产品开发', 'product development', 10, 'product_development'),
    ]),
    dimension('transfer', '转移转化与应用', 'transfer and application', [
      indicator('transfer', '科技成果转移转化', 'transfer of results', 10, 'transfer_of_results'),
      indicator('services', '技术服务', 'technical services', 5, 'technical_services'),
      indicator('industry', '服务产业高质量发展', 'service to industry', 10, 'service_to_industry'),
    ]),
    dimension('openness', '开放合作', 'openness and cooperation', [
      indicator('cooperation', '产学研合作与开放交流', 'industry-academia-research cooperation', 5),
    ]),
    dimension('talent', '人才队伍', 'talent', [
      indicator('talent', '技术创新人才聚集培育', 'gathering and training talent', 10, 'talent'),
    ]),
    dimension('funds', '经费使用', 'use of funds', [
      indicator('special_funds', '专项经费使用管理', 'use of special funds', 5, 'special_funds'),
    ]),
  ],
};

/** An agency's score of one indicator for one center, with the evidence it rests on (DOMAIN.md §7). */
export interface IndicatorScore {
  readonly indicatorKey: string;
  readonly score: number;
  readonly evidence: string;
}

export type CenterScoreResult =
  | { readonly ok: true; readonly total: number; readonly byDimension: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly missing: readonly string[]; readonly findings: readonly Finding[] };

/**
 * A29: the center's total, Σ weight × score / 100, rounded half up to two decimals. Grading compares the
 * rounded total, so the figure DST and the center see is the one the thresholds were applied to (a sum
 * in floating point such as 89.99999999 never misses 90).
 */
export function scoreCenter(system: IndicatorSystem, scores: readonly IndicatorScore[]): CenterScoreResult {
  const byKey = new Map<string, IndicatorScore>();
  const findings: Finding[] = [];
  const fail = (zh: string, en: string, key: string) =>
    findings.push(finding('A29-indicator-scores', false, { zh, en }, { indicator: key }));
  const known = new Set(indicatorsOf(system).map((i) => i.key));
  for (const s of scores) {
    if (!known.has(s.indicatorKey))
      fail(
        `指标“${s.indicatorKey}”不在本轮指标体系中`,
        `${s.indicatorKey} is not an indicator of the round`,
        s.indicatorKey,
      );
    else if (byKey.has(s.indicatorKey))
      fail(`指标“${s.indicatorKey}”重复评分`, `${s.indicatorKey} is scored twice`, s.indicatorKey);
    else byKey.set(s.indicatorKey, s);
    if (!(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100)) {
      fail(
        `指标“${s.indicatorKey}”的得分须在0至100之间`,
        `${s.indicatorKey} needs a score within 0–100`,
        s.indicatorKey,
      );
    }
    if (s.evidence.trim().length === 0)
      fail(`指标“${s.indicatorKey}”须注明评分依据`, `${s.indicatorKey} needs its evidence`, s.indicatorKey);
  }
  const missing = [...known].filter((key) => !byKey.has(key));
  if (missing.length > 0) {
    fail(`以下指标尚未评分：${missing.join('、')}`, `Not yet scored: ${missing.join(', ')}`, missing.join(','));
  }
  if (findings.length > 0) return { ok: false, missing, findings };

  const byDimension: Record<string, number> = {};
  let weighted = 0;
  for (const d of system.dimensions) {
    const sum = d.indicators.reduce((acc, i) => acc + i.weight * (byKey.get(i.key)?.score ?? 0), 0);
    byDimension[d.key] = inHundredths(sum / 100) / 100;
    weighted += sum;
  }
  return { ok: true, total: inHundredths(weighted / 100) / 100, byDimension };
}

// Half up at the second decimal, after cutting the floating-point noise below the sixth.
function inHundredths(value: number): number {
  return Math.round(Number((value * 100).toFixed(6)));
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(keys.filter((k) => seen.has(k) || !seen.add(k)))];
}

function dimension(key: string, zh: string, en: string, indicators: EvaluationIndicator[]): EvaluationDimension {
  return { key, name: { zh, en }, indicators };
}

function indicator(key: string, zh: string, en: string, weight: number, focus?: A29Focus): EvaluationIndicator {
  return focus === undefined ? { key, name: { zh, en }, weight } : { key, name: { zh, en }, weight, focus };
}
