/** The two languages of the platform's messages: Chinese by default, English on request. */
export type Locale = 'zh' | 'en';

/** Picks zh or en from an Accept-Language header by quality; anything else reads Chinese. */
export function localeOf(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .filter((range) => range.q > 0 && (range.primary === 'en' || range.primary === 'zh'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.primary === 'en' ? 'en' : 'zh';
}
