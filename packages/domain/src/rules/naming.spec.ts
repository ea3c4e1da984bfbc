import { centerName, checkCenterField } from './naming';

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
