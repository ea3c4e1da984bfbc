import type { Locale } from './locale';
import type { ProblemSpec } from './problem.exception';

/** Where a problem happened, for its `instance` and `correlationId`. */
export interface ProblemOrigin {
  readonly url: string;
  readonly correlationId: string;
}

/** The RFC 9457 body of a problem in one language, as every layer of the gateway renders it. */
export function problemBody(problem: ProblemSpec, locale: Locale, origin: ProblemOrigin, typeBase: string): object {
  return {
    type: `${typeBase}${problem.code}`,
    title: problem.title[locale],
    status: problem.status,
    code: problem.reason ?? problem.code,
    detail: (problem.detail ?? problem.title)[locale],
    instance: origin.url.split('?')[0] ?? origin.url,
    correlationId: origin.correlationId,
    ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
    ...(problem.rule ? { rule: problem.rule } : {}),
    ...(problem.article ? { article: problem.article } : {}),
  };
}
