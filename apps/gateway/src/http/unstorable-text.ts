import {
  findUnstorableText,
  UNSTORABLE_TEXT_CODE,
  UNSTORABLE_TEXT_DETAIL,
  UNSTORABLE_TEXT_MESSAGES,
  type UnstorableText,
} from '@tic/contracts';

import type { Locale } from './locale';
import { ProblemException } from './problem.exception';

/** The 400 for text Postgres cannot store, naming the field (`query.q`, `body.members[2].name`). */
export function unstorableTextProblem(found: UnstorableText, locale: Locale): ProblemException {
  return ProblemException.of('invalid_input', UNSTORABLE_TEXT_DETAIL, {
    reason: UNSTORABLE_TEXT_CODE,
    errors: [{ path: found.path, message: UNSTORABLE_TEXT_MESSAGES[found.reason][locale] }],
  });
}

/** Refuses a request whose query, path parameters or JSON body hold text Postgres cannot store. */
export function refuseUnstorableText(
  parts: { readonly query?: unknown; readonly params?: unknown; readonly body?: unknown },
  locale: Locale,
): void {
  const found =
    findUnstorableText(parts.params, 'path') ??
    findUnstorableText(parts.query, 'query') ??
    findUnstorableText(parts.body, 'body');
  if (found) throw unstorableTextProblem(found, locale);
}
