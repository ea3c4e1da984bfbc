/** A unit of the registry and the unit above it, as the organization hierarchy records it. */
export interface OrganizationLink {
  readonly id: string;
  readonly parentId: string | null;
}

/** The units an application is decided by: its supporting, construction and confirmed co-building units. */
export interface InsiderRoots {
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly coBuilderIds: readonly string[];
}

/**
 * 回避 (DOMAIN.md §3, §7): the organizations no expert may come from for an application: the supporting
 * unit, the construction unit (A10: as a rule a department of it), the confirmed co-building units, every
 * unit above any of them and every unit below (a cycle in the registry ends the walk).
 */
export function recusedOrganizations(roots: InsiderRoots, registry: readonly OrganizationLink[]): Set<string> {
  const parentOf = new Map(registry.map((o) => [o.id, o.parentId]));
  const childrenOf = new Map<string, string[]>();
  for (const { id, parentId } of registry) {
    if (parentId !== null) childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), id]);
  }
  const start = [roots.supportingUnitId, roots.constructionUnitId, ...roots.coBuilderIds];
  const recused = new Set<string>(start);
  for (const root of start) {
    // Up: the units the root belongs to.
    const line = new Set<string>([root]);
    for (let up = parentOf.get(root) ?? null; up !== null && !line.has(up); up = parentOf.get(up) ?? null) {
      line.add(up);
      recused.add(up);
    }
  }
  // Down: every department or subsidiary of a recused root, at any depth.
  const below = [...start];
  const seen = new Set<string>(start);
  for (let next = below.pop(); next !== undefined; next = below.pop()) {
    for (const child of childrenOf.get(next) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      recused.add(child);
      below.push(child);
    }
  }
  return recused;
}
