/**
 * Compose's variable interpolation (the Compose specification, "Interpolation"): `$VAR`, `${VAR}`,
 * `${VAR:-default}` / `${VAR-default}`, `${VAR:?message}` / `${VAR?message}` (an error when unset),
 * and `$$` for a literal `$`. Compose does this before it reads the file, so the checks do it too.
 */
export class MissingVariableError extends Error {
  override readonly name = 'MissingVariableError';
}

const PATTERN = /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(
    PATTERN,
    (_match, dollar?: string, braced?: string, operator?: string, argument?: string, bare?: string) => {
      if (dollar !== undefined) return '$';
      const name = braced ?? bare ?? '';
      const value = env[name];
      const unset = operator?.startsWith(':') === true ? value === undefined || value === '' : value === undefined;
      if (operator?.endsWith('-') === true) return unset ? (argument ?? '') : (value ?? '');
      if (operator?.endsWith('?') === true && unset) throw new MissingVariableError(`${name}: ${argument ?? ''}`);
      return value ?? '';
    },
  );
}

/** Interpolates every string of a parsed Compose file (keys stay as written). */
export function interpolateAll(value: unknown, env: Readonly<Record<string, string | undefined>>): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, env));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateAll(item, env)]));
  }
  return value;
}

/** The variables a text asks for without a default: the ones an operator must set. */
export function requiredVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PATTERN)) {
    if (match[2] !== undefined && match[3]?.endsWith('?') === true) names.add(match[2]);
  }
  return [...names].sort();
}
