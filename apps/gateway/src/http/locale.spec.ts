import { localeOf } from './locale';

describe('localeOf (Accept-Language)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.2, zh;q=0.8', 'zh'],
    ['en;q=0', 'zh'],
    ['de', 'zh'],
  ])('%j reads %s', (header, locale) => {
    expect(localeOf(header)).toBe(locale);
  });
});
