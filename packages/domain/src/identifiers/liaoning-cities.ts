import type { LocalizedText } from '../findings';

/** The fourteen prefecture-level cities of Liaoning (GB/T 2260), by the first four digits of a division code. */
const LIAONING_CITIES: Readonly<Record<string, LocalizedText>> = {
  '2101': { zh: '沈阳市', en: 'Shenyang' },
  '2102': { zh: '大连市', en: 'Dalian' },
  '2103': { zh: '鞍山市', en: 'Anshan' },
  '2104': { zh: '抚顺市', en: 'Fushun' },
  '2105': { zh: '本溪市', en: 'Benxi' },
  '2106': { zh: '丹东市', en: 'Dandong' },
  '2107': { zh: '锦州市', en: 'Jinzhou' },
  '2108': { zh: '营口市', en: 'Yingkou' },
  '2109': { zh: '阜新市', en: 'Fuxin' },
  '2110': { zh: '辽阳市', en: 'Liaoyang' },
  '2111': { zh: '盘锦市', en: 'Panjin' },
  '2112': { zh: '铁岭市', en: 'Tieling' },
  '2113': { zh: '朝阳市', en: 'Chaoyang' },
  '2114': { zh: '葫芦岛市', en: 'Huludao' },
};

/** A city of Liaoning: its four-digit code and its name. */
export interface LiaoningCity {
  readonly code: string;
  readonly name: LocalizedText;
}

/** The Liaoning city a division code lies in; null for a province-level code (`210000`) or one outside Liaoning. */
export function liaoningCityOf(regionCode: string): LiaoningCity | null {
  const code = regionCode.slice(0, 4);
  const name = LIAONING_CITIES[code];
  return name === undefined ? null : { code, name };
}

/** Every Liaoning city code, in code order. */
export const LIAONING_CITY_CODES: readonly string[] = Object.keys(LIAONING_CITIES).sort();
