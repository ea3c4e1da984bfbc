import { recusedOrganizations, type OrganizationLink } from './recusal';

// A university (supporting unit) with a school (construction unit) and a lab below it; a group
// above the co-building enterprise, and its sister company; an unrelated institute.
const registry: OrganizationLink[] = [
  { id: 'group', parentId: null },
  { id: 'university', parentId: null },
  { id: 'school', parentId: 'university' },
  { id: 'lab', parentId: 'school' },
  { id: 'other-school', parentId: 'university' },
  { id: 'cobuilder', parentId: 'group' },
  { id: 'cobuilder-branch', parentId: 'cobuilder' },
  { id: 'sister', parentId: 'group' },
  { id: 'institute', parentId: null },
  { id: 'proposed-only', parentId: null },
];
const roots = { supportingUnitId: 'university', constructionUnitId: 'school', coBuilderIds: ['cobuilder'] };

describe('recusedOrganizations (回避, DOMAIN.md §3 insider organizations)', () => {
  it.each([
    ['university', 'the supporting unit'],
    ['school', 'the construction unit (A10: a department of the supporting unit)'],
    ['lab', 'a unit below the construction unit'],
    ['other-school', 'another department of the supporting unit'],
    ['cobuilder', 'a confirmed co-building unit'],
    ['cobuilder-branch', 'a unit below a co-building unit'],
    ['group', 'the unit above a co-building unit'],
  ])('回避: %s is recused (%s)', (id) => {
    expect(recusedOrganizations(roots, registry).has(id)).toBe(true);
  });

  it.each([
    ['institute', 'an unrelated unit'],
    ['sister', 'a sister of a co-building unit: neither above nor below an insider'],
    ['proposed-only', 'a unit proposed as co-builder but not confirmed (A10) is not a root'],
  ])('回避: %s may review (%s)', (id) => {
    expect(recusedOrganizations(roots, registry).has(id)).toBe(false);
  });

  it('a cycle in the registry ends the walk', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(
      [...recusedOrganizations({ supportingUnitId: 'a', constructionUnitId: 'a', coBuilderIds: [] }, cyclic)].sort(),
    ).toEqual(['a', 'b']);
  });
});
