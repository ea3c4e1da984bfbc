import { centerName, checkCenterField, normalizeField } from './naming';

describe('A37 naming', () => {
  it('A37: builds the unified Chinese and English names', () => {
    expect(centerName({ zh: '智能制造', en: 'Intelligent Manufacturing' })).toEqual({
      zh: '辽宁省智能制造技术创新中心',
      en: 'Liaoning Technology Innovation Center for Intelligent Manufacturing',
    });
  });

  it('A37: does not double a prefix or suffix already typed in', () => {
    expect(
      centerName({
        zh: ' 辽宁省 高端装备 技术创新中心',
        en: 'Liaoning Technology Innovation Center for  High-end Equipment ',
      }),
    ).toEqual({
      zh: '辽宁省高端装备技术创新中心',
      en: 'Liaoning Technology Innovation Center for High-end Equipment',
    });
  });

  it.each([
    ['辽宁省高端装备', '高端装备'],
    ['辽宁高端装备', '高端装备'],
    ['高端装备技术创新中心', '高端装备'],
    ['高端装备技术创新', '高端装备'],
    ['辽宁省高端装备技术创新中心', '高端装备'],
    ['辽宁 高端装备 技术创新', '高端装备'],
    ['高端装备', '高端装备'],
    // Only the unified name's own words go: a field that merely contains them keeps them.
    ['高端装备技术', '高端装备技术'],
    ['辽河流域生态', '辽河流域生态'],
    ['技术创新服务', '技术创新服务'],
    ['装备创新中心', '装备创新中心'],
  ])('A37: the field %s is normalized to %s, and its names are built from that', (zh, normalized) => {
    expect(normalizeField({ zh, en: 'High-end Equipment' }).zh).toBe(normalized);
    expect(centerName({ zh, en: 'High-end Equipment' }).zh).toBe(`辽宁省${normalized}技术创新中心`);
  });

  it('A37: a field that is nothing but the fixed words makes no name', () => {
    expect(checkCenterField({ zh: '辽宁省技术创新中心', en: 'Equipment' })).toMatchObject({ passed: false });
  });

  it.each([
    ['a valid field', { zh: '5G通信', en: '5G Communications' }, true],
    ['no Chinese in the Chinese field', { zh: 'AI', en: 'Artificial Intelligence' }, false],
    ['Chinese in the English field', { zh: '人工智能', en: '人工智能' }, false],
    ['an empty English field', { zh: '人工智能', en: ' ' }, false],
    ['a Chinese field of 31 characters', { zh: '智'.repeat(31), en: 'Wisdom' }, false],
  ])('A37: %s → passed %s (hard)', (_case, field, passed) => {
    expect(checkCenterField(field)).toMatchObject({
      rule: 'A37-naming',
      passed,
      severity: 'hard',
      article: '第三十七条',
    });
  });
});
