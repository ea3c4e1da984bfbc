import type { RpcError } from '@tic/contracts';
import type { LocalizedText } from '@tic/domain';

import { problemCode, type ProblemCode } from './problem-codes';

export type FieldError = NonNullable<RpcError['errors']>[number];

/** A problem before it is rendered in one language. */
export interface ProblemSpec {
  /** The category: it gives the status and the problem's `type`. */
  readonly code: ProblemCode;
  /** The stable code clients switch on (`appointment.already_ended`); the category's key when absent. */
  readonly reason?: string;
  readonly status: number;
  readonly title: LocalizedText;
  readonly detail?: LocalizedText;
  readonly errors?: readonly FieldError[];
  readonly rule?: string;
  readonly article?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A refusal the gateway makes itself; the problem filter renders it as problem+json. */
export class ProblemException extends Error {
  override readonly name = 'ProblemException';

  constructor(readonly problem: ProblemSpec) {
    super(`${problem.code}: ${problem.detail?.en ?? problem.title.en}`);
  }

  static of(
    code: ProblemCode,
    detail?: LocalizedText,
    extra: Omit<ProblemSpec, 'code' | 'status' | 'title' | 'detail'> = {},
  ): ProblemException {
    return new ProblemException({ code, ...problemCode(code), ...(detail ? { detail } : {}), ...extra });
  }

  static invalid(errors: readonly FieldError[], detail?: LocalizedText): ProblemException {
    return ProblemException.of('invalid_input', detail ?? { zh: '请检查标出的字段', en: 'Check the fields listed' }, {
      errors,
    });
  }
}
