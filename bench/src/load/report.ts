import type { Kill } from './chaos';
import type { Finding } from './checks';
import { percentile, type PhaseResult } from './load-phase';

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const ratio = (value: number, base: number) =>
  base > 0 && Number.isFinite(value) ? `${(value / base).toFixed(2)}×` : '—';

/** The statuses other than 2xx autocannon counted, e.g. `504 ×6`. */
function non2xxStatuses(reads: PhaseResult['reads']): string {
  const codes = Object.entries(reads.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  return codes.length === 0 ? '' : ` (${codes.map(([code, stats]) => `${code} ×${stats.count ?? 0}`).join(', ')})`;
}

/** The throughput and latency of each phase, the chaos phase against the calm one measured in the same run. */
export function printFigures(calm: PhaseResult, chaos: PhaseResult): void {
  const rows = [calm, chaos].map((phase) => {
    const latencies = phase.commands.map((o) => o.latencyMs);
    return {
      phase: phase.name,
      readsPerSecond: phase.reads.requests.average,
      readP50: phase.reads.latency.p50,
      readP99: phase.reads.latency.p99,
      readNon2xx: `${phase.reads.non2xx}${non2xxStatuses(phase.reads)}`,
      readErrors: phase.reads.errors,
      commandsPerSecond: phase.commands.length / phase.seconds,
      commandP50: percentile(latencies, 50),
      commandP99: percentile(latencies, 99),
      commandMax: percentile(latencies, 100),
    };
  });
  const [base, loaded] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    '\n| phase | reads/s | read p50 ms | read p99 ms | reads non-2xx / errors | commands/s | command p50 ms | command p99 ms | command max ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows)
    console.log(
      `| ${row.phase} | ${fixed(row.readsPerSecond, 1)} | ${fixed(row.readP50)} | ${fixed(row.readP99)} | ${row.readNon2xx} / ${row.readErrors} | ${fixed(row.commandsPerSecond, 1)} | ${fixed(row.commandP50)} | ${fixed(row.commandP99)} | ${fixed(row.commandMax)} |`,
    );
  console.log(
    `| chaos ÷ calm | ${ratio(loaded.readsPerSecond, base.readsPerSecond)} | ${ratio(loaded.readP50, base.readP50)} | ${ratio(loaded.readP99, base.readP99)} | | ${ratio(loaded.commandsPerSecond, base.commandsPerSecond)} | ${ratio(loaded.commandP50, base.commandP50)} | ${ratio(loaded.commandP99, base.commandP99)} | |`,
  );
}

/** How many times each replica was killed, and how long the restarts took. */
export function printKills(kills: readonly Kill[], failedStarts: number): void {
  const byReplica = new Map<string, number>();
  for (const kill of kills) byReplica.set(kill.replica, (byReplica.get(kill.replica) ?? 0) + 1);
  const downFor = kills.map((k) => k.downFor);
  console.log(
    `\nSIGKILLs: ${kills.length} (${[...byReplica].map(([replica, n]) => `${replica} ×${n}`).join(', ')}); down until listening again: median ${fixed(percentile(downFor, 50), 1)} s, max ${fixed(percentile(downFor, 100), 1)} s; ${failedStarts} restarts not listening within 60 s, made again`,
  );
}

/** The checks as a table; returns whether all hold. */
export function printFindings(findings: readonly Finding[]): boolean {
  console.log('\n| check | found | holds |');
  console.log('| --- | --- | :---: |');
  for (const finding of findings) console.log(`| ${finding.check} | ${finding.found} | ${finding.ok ? '✓' : '✗'} |`);
  return findings.every((f) => f.ok);
}
