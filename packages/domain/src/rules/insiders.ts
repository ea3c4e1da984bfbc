/** The organizations a center or application is built by, as the registry records them (A10, A12). */
export interface CenterOrganizations {
  readonly supportingUnitId: string;
  /** A10: the construction unit, as a rule a department (二级单位) of the supporting unit. */
  readonly constructionUnitId: string | null;
  readonly coBuilderIds: readonly string[];
  /**
   * The registry's hierarchy where it is known: an organization's parent, or undefined at the top.
   * A department below any of the units above belongs to that unit.
   */
  readonly parentOf?: (orgId: string) => string | null | undefined;
}

/** Which side of a center an organization belongs to (DOMAIN.md §3, insider organizations). */
export interface InsiderTest {
  /** A15, A16: the supporting unit, its construction unit and any department below either. */
  readonly ofSupportingUnit: (orgId: string) => boolean;
  /** A16: the co-building unit an organization belongs to, or null. */
  readonly coBuilderOf: (orgId: string) => string | null;
  /** A16, A17, 回避: the supporting side or any co-building unit. */
  readonly isInsider: (orgId: string) => boolean;
}

// A cycle in a registry that is being edited must not hang a rule check.
const MAX_DEPTH = 32;

/** The insider organizations of a center: the supporting unit with its departments, and the co-building units with theirs. */
export function insiderTest(center: CenterOrganizations): InsiderTest {
  const supportingSide = new Set([
    center.supportingUnitId,
    ...(center.constructionUnitId ? [center.constructionUnitId] : []),
  ]);
  const coBuilders = new Set(center.coBuilderIds);
  const ancestry = (orgId: string): string[] => {
    const chain = [orgId];
    let current: string | null | undefined = center.parentOf?.(orgId);
    while (current && chain.length < MAX_DEPTH && !chain.includes(current)) {
      chain.push(current);
      current = center.parentOf?.(current);
    }
    return chain;
  };
  // The supporting side wins where a co-building unit sits below it in the registry.
  const ofSupportingUnit = (orgId: string) => ancestry(orgId).some((id) => supportingSide.has(id));
  const coBuilderOf = (orgId: string) =>
    ofSupportingUnit(orgId) ? null : (ancestry(orgId).find((id) => coBuilders.has(id)) ?? null);
  return {
    ofSupportingUnit,
    coBuilderOf,
    isInsider: (orgId) => ofSupportingUnit(orgId) || coBuilderOf(orgId) !== null,
  };
}
