import { findUnstorableText, unstorableReason } from './unstorable-text';

describe('findUnstorableText: strings Postgres cannot hold', () => {
  it.each([
    ['plain text', 'hello 技术创新中心', undefined],
    ['an emoji (a proper surrogate pair)', 'ok 😀', undefined],
    ['NUL', 'a\u0000b', 'nul'],
    ['a lone high surrogate', 'a\uD800b', 'lone_surrogate'],
    ['a lone high surrogate at the end', 'ab\uD83D', 'lone_surrogate'],
    ['a lone low surrogate', '\uDC00ab', 'lone_surrogate'],
    ['two high surrogates', '\uD83D\uD83D\uDE00', 'lone_surrogate'],
  ])('%s', (_name, text, reason) => {
    expect(unstorableReason(text)).toBe(reason);
  });

  it('names the first field in document order, with array indexes', () => {
    const body = { name: 'ok', members: [{ name: 'a' }, { name: 'b' }, { name: 'c\u0000' }], z: '\u0000' };
    expect(findUnstorableText(body, 'body')).toEqual({ path: 'body.members[2].name', reason: 'nul' });
    expect(findUnstorableText({ q: '\uDFFF' }, 'query')).toEqual({ path: 'query.q', reason: 'lone_surrogate' });
    expect(findUnstorableText(['x', '\u0000'], '')).toEqual({ path: '[1]', reason: 'nul' });
    expect(findUnstorableText({ a: 1, b: null, c: true }, 'body')).toBeUndefined();
  });

  it('checks object keys, which jsonb cannot hold either', () => {
    expect(findUnstorableText({ meta: { 'k\u0000': 1 } }, 'body')).toEqual({
      path: 'body.meta.k\u0000',
      reason: 'nul',
    });
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findUnstorableText(deep, 'body')?.reason).toBe('nul');
  });
});
