import { usccCheckCharacter, type OrganizationKind } from '@tic/domain';

import { stableId } from '@tic/platform';
import { RECOMMENDING_UNITS } from './recommending-units';

export interface DemoUnitSeed {
  readonly id: string;
  readonly name: string;
  readonly uscc: string | null;
  readonly kind: OrganizationKind;
  readonly legalPerson: boolean;
  /** A12(一): the licence's domicile division code (legal persons only). */
  readonly domicileDivisionCode: string | null;
  readonly parentId: string | null;
  readonly recommenderId: string | null;
}

// Made-up units with valid, made-up credit codes (GB 32100-2015 check characters computed here).
const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const recommender = (name: string): string => {
  const found = RECOMMENDING_UNITS.find((r) => r.name === name);
  if (!found) throw new Error(`no recommending unit ${name}`);
  return found.id;
};
const shenyangBureau = recommender('沈阳市科学技术局');
const dalianBureau = recommender('大连市科学技术局');
const education = recommender('辽宁省教育厅');

const org = (
  name: string,
  code: string | null,
  kind: OrganizationKind,
  legalPerson: boolean,
  recommenderId: string | null,
  parentName?: string,
): DemoUnitSeed => ({
  id: stableId(`organization:${name}`),
  name,
  uscc: code === null ? null : uscc(code),
  kind,
  legalPerson,
  // Made-up units domiciled where their codes were issued (none of them moved).
  domicileDivisionCode: legalPerson && code !== null ? code.slice(2, 8) : null,
  parentId: parentName === undefined ? null : stableId(`organization:${parentName}`),
  recommenderId,
});

/** A demo set: supporting units with their construction units, co-builders and the experts' units. */
export const DEMO_UNITS: readonly DemoUnitSeed[] = [
  org('辽宁示范智能装备股份有限公司', '91210106MA0A1B2C3', 'enterprise', true, shenyangBureau),
  org('辽宁示范智能装备股份有限公司中央研究院', null, 'other', false, shenyangBureau, '辽宁示范智能装备股份有限公司'),
  org('东北示范理工大学', '12210000MB0D4E5F6', 'university', true, education),
  org('大连示范海洋工程研究院有限公司', '91210211MA0G7H8J9', 'research_institute', true, dalianBureau),
  org('大连示范海洋工程研究院有限公司技术中心', null, 'other', false, dalianBureau, '大连示范海洋工程研究院有限公司'),
  org('辽宁示范工业技术研究院', '12210000MB0K1L2M3', 'research_institute', true, null),
  org('沈阳示范材料科学研究所', '12210100MB0N4P5Q6', 'research_institute', true, null),
  org('大连示范理工大学', '12210200MB0R6T7U8', 'university', true, education),
];

/** The demo expert pool: outsiders to the demo applications, in the demo fields. */
export const DEMO_EXPERTS = [
  ['王立新', '辽宁示范工业技术研究院'],
  ['李晓梅', '辽宁示范工业技术研究院'],
  ['张国强', '沈阳示范材料科学研究所'],
  ['刘海峰', '沈阳示范材料科学研究所'],
  ['陈静', '大连示范理工大学'],
  ['杨帆', '大连示范理工大学'],
  ['赵明', '东北示范理工大学'],
  ['周伟', '大连示范海洋工程研究院有限公司'],
  ['吴丽', '沈阳示范材料科学研究所'],
  ['孙涛', '辽宁示范工业技术研究院'],
].map(([name, unit], i) => ({
  id: stableId(`expert:${name ?? ''}`),
  userId: `expert-${i + 1}`,
  name: name ?? '',
  orgId: stableId(`organization:${unit ?? ''}`),
  fields: ['智能制造', 'Intelligent Manufacturing', '海洋工程', 'Ocean Engineering'],
}));
