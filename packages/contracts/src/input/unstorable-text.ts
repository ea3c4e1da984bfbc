/** Why Postgres cannot hold a string: a NUL character, or half of a UTF-16 surrogate pair. */
export type UnstorableReason = 'nul' | 'lone_surrogate';

/** The first string in a value that Postgres cannot store, and where it is. */
export interface UnstorableText {
  /** `query.q`, `body.members[2].name`: the field as a client names it. */
  readonly path: string;
  readonly reason: UnstorableReason;
}

/** The stable code of the refusal, the same at the gateway and in a service. */
export const UNSTORABLE_TEXT_CODE = 'input.unstorable_text';

/** The refusal's messages, one per reason. */
export const UNSTORABLE_TEXT_MESSAGES: Readonly<Record<UnstorableReason, { zh: string; en: string }>> = {
  nul: { zh: '含有空字符（U+0000），无法保存', en: 'contains a NUL character (U+0000), which cannot be stored' },
  lone_surrogate: {
    zh: '含有不成对的 UTF-16 代理字符，无法保存',
    en: 'contains an unpaired UTF-16 surrogate, which cannot be stored',
  },
};

/** The refusal's detail, whichever field it names. */
export const UNSTORABLE_TEXT_DETAIL = {
  zh: '输入中有数据库无法保存的字符',
  en: 'The input holds characters the database cannot store',
} as const;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (linear: no backtracking).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored in a Postgres text or jsonb column, if it cannot. */
export function unstorableReason(text: string): UnstorableReason | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return undefined;
}

/**
 * The first string (value or object key, depth first in document order) that Postgres cannot store,
 * named from `root`. Iterative, so that a deeply nested body cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root: string): UnstorableText | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path } = next;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) return { path, reason };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const children: { value: unknown; path: string }[] = [];
    if (Array.isArray(current)) {
      current.forEach((item, index) => children.push({ value: item, path: `${path}[${index}]` }));
    } else {
      for (const [key, item] of Object.entries(current)) {
        const child = path === '' ? key : `${path}.${key}`;
        // The key is text too (jsonb keeps it), checked just before its value.
        children.push({ value: key, path: child }, { value: item, path: child });
      }
    }
    // Reversed onto the stack, so that the first child is examined first; a loop, as a spread of a
    // 500,000-item array would exceed the arguments a call may take.
    for (const child of children.reverse()) stack.push(child);
  }
  return undefined;
}
