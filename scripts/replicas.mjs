// How many replicas of each service `npm start` runs, and on which HTTP port each listens.

/**
 * Reads `TIC_REPLICAS` / `--replicas`: a count for every service (`2`), counts per service
 * (`applications=2,personnel=3`), or both (`2,personnel=3`: personnel 3, the others 2). Services not
 * named run once. An unknown service or a count that is not a whole number from 1 to 16 is refused,
 * naming it, rather than starting something else than asked.
 */
export function parseReplicas(spec, services) {
  const counts = Object.fromEntries(services.map((service) => [service, 1]));
  if (spec === undefined || spec.trim() === '') return counts;
  const perService = {};
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.includes('=') ? part.split('=', 2).map((p) => p.trim()) : ['*', part];
    if (name !== '*' && !services.includes(name))
      throw new Error(`replicas: unknown service "${name}" (one of ${services.join(', ')})`);
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 16)
      throw new Error(`replicas: "${part}" needs a whole number of replicas from 1 to 16`);
    if (name === '*') for (const service of services) counts[service] = Number(value);
    else perService[name] = Number(value);
  }
  return { ...counts, ...perService };
}

/** The `--replicas <spec>` or `--replicas=<spec>` argument, else TIC_REPLICAS. */
export function replicasSpec(argv, env) {
  const index = argv.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  if (index === -1) return env.TIC_REPLICAS;
  const arg = argv[index];
  return arg.includes('=') ? arg.slice('--replicas='.length) : argv[index + 1];
}

/** Replica n (1, 2, …) listens for health and metrics on its service's port + 100·(n − 1). */
export function replicaPort(basePort, replica) {
  return basePort + 100 * (replica - 1);
}
