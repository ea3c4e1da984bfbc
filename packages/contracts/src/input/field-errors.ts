import type { z } from 'zod';

/** A field a request got wrong, as problem+json and RpcError list it. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * zod's issues as field errors. An unknown key of a strict schema is named by its own path (`seed`),
 * not by the object that holds it, so a client sees which field to drop.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: issue.message }));
    }
    return [{ path: at.join('.'), message: issue.message }];
  });
}
