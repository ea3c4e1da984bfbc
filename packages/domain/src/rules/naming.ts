import { finding, type Finding, type LocalizedText } from '../findings';

const ZH_PREFIX = '辽宁省';
const ZH_SUFFIX = '技术创新中心';
// A37: what a field may carry of the unified name, longest first; the name adds them back once.
const ZH_LEADING = ['辽宁省', '辽宁'];
const ZH_TRAILING = ['技术创新中心', '技术创新'];
const EN_PREFIX = 'Liaoning Technology Innovation Center for ';
const CJK = /[\u3400-\u9fff]/;
const MAX_FIELD_ZH = 30;
const MAX_FIELD_EN = 120;

/** A center's field or direction (领域/方向) in both languages. */
export interface CenterField {
  readonly zh: string;
  readonly en: string;
}

/**
 * A37: the unified names, `辽宁省{领域}技术创新中心` and `Liaoning Technology Innovation Center for {field}`.
 * A field already written with the prefix or suffix is not doubled.
 */
export function centerName(field: CenterField): LocalizedText {
  const { zh, en } = normalizeField(field);
  return { zh: `${ZH_PREFIX}${zh}${ZH_SUFFIX}`, en: `${EN_PREFIX}${en}` };
}

/**
 * A37: the field stripped of the unified name's fixed words (a leading 辽宁 / 辽宁省, a trailing 技术创新 /
 * 技术创新中心) and of stray spaces, so that one field always makes one name.
 */
export function normalizeField(field: CenterField): CenterField {
  let zh = field.zh.replace(/\s+/g, '');
  const leading = ZH_LEADING.find((word) => zh.startsWith(word));
  if (leading !== undefined) zh = zh.slice(leading.length);
  const trailing = ZH_TRAILING.find((word) => zh.endsWith(word));
  if (trailing !== undefined) zh = zh.slice(0, -trailing.length);
  let en = field.en.trim().replace(/\s+/g, ' ');
  if (en.toLowerCase().startsWith(EN_PREFIX.toLowerCase())) en = en.slice(EN_PREFIX.length).trim();
  return { zh, en };
}

/** A37: whether a field can make a unified name (Chinese in the Chinese name, none in the English). */
export function checkCenterField(field: CenterField): Finding {
  const { zh, en } = normalizeField(field);
  const problems: LocalizedText[] = [];
  if (!CJK.test(zh)) problems.push({ zh: '中文领域名称须含中文', en: 'the Chinese field name must be in Chinese' });
  if (zh.length > MAX_FIELD_ZH)
    problems.push({
      zh: `中文领域名称不超过${MAX_FIELD_ZH}字`,
      en: `the Chinese field name has at most ${MAX_FIELD_ZH} characters`,
    });
  if (en.length === 0 || CJK.test(en))
    problems.push({ zh: '英文领域名称须为英文', en: 'the English field name must be in English' });
  if (en.length > MAX_FIELD_EN)
    problems.push({
      zh: `英文领域名称不超过${MAX_FIELD_EN}个字符`,
      en: `the English field name has at most ${MAX_FIELD_EN} characters`,
    });

  if (problems.length === 0) {
    const name = centerName(field);
    return finding('A37-naming', true, { zh: `中心名称为“${name.zh}”`, en: `The center is named “${name.en}”` });
  }
  return finding('A37-naming', false, {
    zh: problems.map((p) => p.zh).join('；'),
    en: problems.map((p) => p.en).join('; '),
  });
}
