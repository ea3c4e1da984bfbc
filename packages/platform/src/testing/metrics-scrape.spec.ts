import { MetricsScrape } from './metrics-scrape';

describe('a /metrics page read as Prometheus does', () => {
  const page = [
    '# HELP tic_rpc_refusals_total RPCs refused',
    '# TYPE tic_rpc_refusals_total counter',
    'tic_rpc_refusals_total{service="funding",method="a.b",code="conflict"} 2',
    'tic_rpc_refusals_total{service="funding",method="a.c",code="not_found"} 3',
    '# TYPE tic_outbox_failed_events gauge',
    'process_cpu_seconds_total 0.5',
  ].join('\n');

  it('finds samples by name and labels and sums them', () => {
    const scrape = MetricsScrape.parse(page);
    expect(scrape.sum('tic_rpc_refusals_total', { service: 'funding' })).toBe(5);
    expect(scrape.find('tic_rpc_refusals_total', { code: 'conflict' })[0]?.labels.method).toBe('a.b');
    expect(scrape.sum('process_cpu_seconds_total')).toBe(0.5);
  });

  it('knows the families declared without samples', () => {
    expect(MetricsScrape.parse(page).families.has('tic_outbox_failed_events')).toBe(true);
  });
});
