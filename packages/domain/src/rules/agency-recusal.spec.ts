import { agencyRecusalFindings } from './agency-recusal';

const registry = [
  { id: 'group', parentId: null },
  { id: 'su', parentId: 'group' },
  { id: 'cu', parentId: 'su' },
  { id: 'co', parentId: null },
  { id: 'co-lab', parentId: 'co' },
  { id: 'agency', parentId: null },
  { id: 'group-consulting', parentId: 'group' },
];
const center = { supportingUnitId: 'su', constructionUnitId: 'cu', coBuilderIds: ['co'] };

describe('回避 of evaluation agencies (A29)', () => {
  it.each([
    ['no declared relation', 'agency', [], true],
    ['a relation with an unrelated unit', 'agency', ['elsewhere'], true],
    ['a relation with the supporting unit', 'agency', ['su'], false],
    ['a relation with the construction unit', 'agency', ['cu'], false],
    ['a relation with a co-builder’s department', 'agency', ['co-lab'], false],
    ['a relation with the supporting unit’s parent group', 'agency', ['group'], false],
    ['being the construction unit itself', 'cu', [], false],
  ] as const)('A29: an agency with %s may be assigned: %s', (_, organizationId, declaredRelations, passed) => {
    expect(agencyRecusalFindings({ organizationId, declaredRelations }, center, registry)).toEqual([
      expect.objectContaining({ rule: 'A29-agency-recusal', severity: 'hard', article: '第二十九条', passed }),
    ]);
  });
});
