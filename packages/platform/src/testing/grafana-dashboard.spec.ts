import { readFileSync } from 'node:fs';

import { dashboardMetricFamilies, dashboardQueries, DASHBOARD_FILE, metricFamiliesIn } from './grafana-dashboard';

/**
 * Who exports each family of the dashboard; each exporter's integration test scrapes a real /metrics
 * page and checks that it declares every dashboard family of its prefixes (dashboardFamiliesMissingFrom).
 */
const EXPORTERS: Record<string, readonly string[]> = {
  'platform (test/metrics.int-spec.ts)': ['tic_rpc_', 'tic_outbox_', 'tic_consumer_'],
  'deadlines (deadline-metrics.int-spec.ts)': ['tic_deadline'],
  'notifications (webhook-metrics.int-spec.ts)': ['tic_webhook_'],
  'gateway (ops-queues.e2e-spec.ts)': ['tic_http_'],
  "prom-client's defaults (every scrape)": ['process_', 'nodejs_'],
};

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly uid?: string };
  readonly targets?: readonly { expr?: string; datasource?: { uid?: string } }[];
}

describe('the Grafana dashboard (infra/grafana/dashboards/tic-platform.json)', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as {
    panels: Panel[];
    templating: { list: { name: string; type: string; query: unknown }[] };
  };

  it('asks for its Prometheus data source in a variable, and every panel and query uses it', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(15);
    for (const panel of graphs) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: '${datasource}' });
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid).toBe('${datasource}');
    }
  });

  it('selects at least one metric in every query', () => {
    for (const target of dashboardQueries(dashboard)) {
      expect({ ...target, families: metricFamiliesIn(target.expr).length > 0 }).toEqual({ ...target, families: true });
    }
  });

  it('queries only families an exporter of the platform declares', () => {
    const unclaimed = dashboardMetricFamilies().filter(
      (family) => !Object.values(EXPORTERS).some((prefixes) => prefixes.some((prefix) => family.startsWith(prefix))),
    );
    expect(unclaimed).toEqual([]);
  });

  it('reads PromQL as Prometheus does: functions, labels, keywords and histogram series are not metrics', () => {
    expect(
      metricFamiliesIn(
        'histogram_quantile(0.95, sum by (le, method) (rate(tic_rpc_duration_seconds_bucket{service=~"$service"}[5m]))) / on (service) tic_x_total',
      ),
    ).toEqual(['tic_rpc_duration_seconds', 'tic_x_total']);
  });
});
