import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { MetricsScrape } from './metrics-scrape';

/** The dashboard committed for operators (src/testing and dist/testing are both four levels below the root). */
export const DASHBOARD_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'infra',
  'grafana',
  'dashboards',
  'tic-platform.json',
);

export interface DashboardTarget {
  readonly panel: string;
  readonly expr: string;
}

interface DashboardJson {
  readonly panels?: readonly { title?: string; type?: string; targets?: readonly { expr?: string }[] }[];
  readonly templating?: { readonly list?: readonly { query?: unknown }[] };
}

/** Every PromQL query of the dashboard: its panels' targets and its variables' queries. */
export function dashboardQueries(dashboard: DashboardJson): DashboardTarget[] {
  const targets = (dashboard.panels ?? []).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title ?? '', expr: target.expr ?? '' })),
  );
  const variables = (dashboard.templating?.list ?? []).flatMap((variable) => {
    if ((variable as { type?: string }).type === 'datasource') return [];
    const query = variable.query as { query?: unknown } | string | undefined;
    const expr = typeof query === 'string' ? query : query?.query;
    if (typeof expr !== 'string') return [];
    // Grafana's label_values(metric, label) is not PromQL: its metric is the query, its label is not a metric.
    const labelValues = /^label_values\(\s*([^,]+),/.exec(expr)?.[1];
    return labelValues !== undefined ? [{ panel: 'variables', expr: labelValues }] : [{ panel: 'variables', expr }];
  });
  return [...targets, ...variables];
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
]);
const HISTOGRAM_SERIES = /_(bucket|count|sum)$/;

/**
 * The metric families a PromQL expression selects: every identifier that is not a function, a
 * keyword or a label (label matchers, grouping lists, strings and ranges are removed first), with a
 * histogram's _bucket, _count and _sum series named by their family, as `# TYPE` names it.
 */
export function metricFamiliesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = [...bare.matchAll(/([a-zA-Z_:][\w:]*)\s*(\()?/g)]
    .filter(([, name, call]) => call === undefined && name !== undefined && !KEYWORDS.has(name))
    .map(([, name]) => (name ?? '').replace(HISTOGRAM_SERIES, ''));
  return [...new Set(names)];
}

/** Every metric family the committed dashboard queries. */
export function dashboardMetricFamilies(file = DASHBOARD_FILE): string[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as DashboardJson;
  return [...new Set(dashboardQueries(dashboard).flatMap((target) => metricFamiliesIn(target.expr)))].sort();
}

/** The dashboard's families under these prefixes that a real /metrics page does not declare. */
export function dashboardFamiliesMissingFrom(scrape: MetricsScrape, prefixes: readonly string[]): string[] {
  return dashboardMetricFamilies().filter(
    (family) => prefixes.some((prefix) => family.startsWith(prefix)) && !scrape.families.has(family),
  );
}
