import { stableId } from '@tic/platform';

/** A recommending unit of A7 with what it covers. */
export interface RecommendingUnitSeed {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly regionCode: string | null;
}

const CITIES: ReadonlyArray<[string, string]> = [
  ['沈阳市', '210100'],
  ['大连市', '210200'],
  ['鞍山市', '210300'],
  ['抚顺市', '210400'],
  ['本溪市', '210500'],
  ['丹东市', '210600'],
  ['锦州市', '210700'],
  ['营口市', '210800'],
  ['阜新市', '210900'],
  ['辽阳市', '211000'],
  ['盘锦市', '211100'],
  ['铁岭市', '211200'],
  ['朝阳市', '211300'],
  ['葫芦岛市', '211400'],
];

const unit = (name: string, jurisdiction: string, regionCode: string | null): RecommendingUnitSeed => ({
  id: stableId(`organization:${name}`),
  name,
  jurisdiction,
  regionCode,
});

/**
 * A7: the 14 cities' S&T bureaus, 沈抚示范区产业创新局, 省教育厅 (provincial universities) and 省国资委
 * (provincial state-owned enterprises). Provincial direct units, provincial research institutes and
 * central units in Liaoning recommend through their own channel and are registered by DST as needed.
 */
export const RECOMMENDING_UNITS: readonly RecommendingUnitSeed[] = [
  ...CITIES.map(([city, code]) => unit(`${city}科学技术局`, city, code)),
  unit('沈抚改革创新示范区产业创新局', '沈抚改革创新示范区', '210400'),
  unit('辽宁省教育厅', '省属高等学校', null),
  unit('辽宁省人民政府国有资产监督管理委员会', '省属国有企业', null),
];

/** DST and the committee office, the two provincial authorities of Chapter 2. */
export const AUTHORITIES = {
  dst: { id: stableId('organization:辽宁省科学技术厅'), name: '辽宁省科学技术厅' },
  committeeOffice: { id: stableId('organization:中共辽宁省委科技委员会办公室'), name: '中共辽宁省委科技委员会办公室' },
} as const;
