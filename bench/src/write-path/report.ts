import { cpus, loadavg } from 'node:os';

import type { LoadSummary } from './load';

/** One line of a table: a label and its cells, left-aligned first column, right-aligned figures. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const grouped = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');

/** The two paths side by side: calls, throughput, p50/p99/max. */
export function loadTable(summaries: readonly LoadSummary[]): string {
  return table(
    ['path', 'calls', 'failed', 'per second', 'p50 ms', 'p99 ms', 'max ms'],
    summaries.map((s) => [
      s.label,
      grouped(s.calls),
      grouped(s.failures),
      grouped(s.perSecond),
      fixed(s.p50),
      fixed(s.p99),
      fixed(s.max),
    ]),
  );
}

/** A target's verdict as the README tables show it. */
export const verdict = (met: boolean) => (met ? 'PASS' : 'MISS');

/** What the run ran on, for the README: the machine is shared, so the load is part of every figure. */
export function machine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `Node ${process.version}, ${cpus().length} CPUs, load average ${load}`;
}
