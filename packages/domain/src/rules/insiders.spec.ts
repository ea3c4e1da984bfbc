import { insiderTest } from './insiders';

const parents: Record<string, string> = {
  'org-lab': 'org-construction',
  'org-construction': 'org-supporting',
  'org-co-branch': 'org-co',
  'org-loop-a': 'org-loop-b',
  'org-loop-b': 'org-loop-a',
};
const test = insiderTest({
  supportingUnitId: 'org-supporting',
  constructionUnitId: 'org-construction',
  coBuilderIds: ['org-co'],
  parentOf: (id) => parents[id],
});

describe('insider organizations (DOMAIN.md §3; A10, A15–A17)', () => {
  it.each([
    ['the supporting unit', 'org-supporting', true, null],
    ['the construction unit (A10: a department of the supporting unit)', 'org-construction', true, null],
    ['a lab below the construction unit in the registry', 'org-lab', true, null],
    ['a co-building unit', 'org-co', false, 'org-co'],
    ['a branch below a co-building unit', 'org-co-branch', false, 'org-co'],
    ['an unrelated organization', 'org-elsewhere', false, null],
    ['an organization in a cycle of the registry', 'org-loop-a', false, null],
  ])('A10: %s → of the supporting unit %s, co-building unit %s', (_case, orgId, ofSupporting, coBuilder) => {
    expect(test.ofSupportingUnit(orgId)).toBe(ofSupporting);
    expect(test.coBuilderOf(orgId)).toBe(coBuilder);
    expect(test.isInsider(orgId)).toBe(ofSupporting || coBuilder !== null);
  });

  it('A10: without a construction unit or hierarchy only the named units are insiders', () => {
    const bare = insiderTest({ supportingUnitId: 'org-supporting', constructionUnitId: null, coBuilderIds: [] });
    expect(bare.ofSupportingUnit('org-supporting')).toBe(true);
    expect(bare.isInsider('org-construction')).toBe(false);
  });
});
