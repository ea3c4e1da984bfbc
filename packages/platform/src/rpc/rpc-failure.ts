import type { RpcError, RpcErrorCode } from '@tic/contracts';
import type { AccessDecision, Finding, LocalizedText, Refusal, WaiverDecision } from '@tic/domain';

const TITLES: Record<RpcErrorCode, LocalizedText> = {
  invalid_input: { zh: '请求参数无效', en: 'Invalid request' },
  unauthenticated: { zh: '未登录或令牌无效', en: 'Not authenticated' },
  forbidden: { zh: '无权执行此操作', en: 'Forbidden' },
  not_found: { zh: '资源不存在', en: 'Not found' },
  conflict: { zh: '与当前状态冲突', en: 'Conflict with the current state' },
  stale_version: {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The resource changed since you read it; reload and retry',
  },
  rule_violation: { zh: '不符合管理办法的规定', en: 'The measures do not allow this' },
  waiver_required: { zh: '须由省科技厅记录豁免理由', en: 'DST must record a waiver first' },
  quota_exceeded: { zh: '已超过用量上限', en: 'Usage limit reached' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
  internal: { zh: '服务器内部错误', en: 'Internal error' },
};

/**
 * A refusal inside a service, carried back to the caller over NATS and rendered by the gateway as
 * problem+json with the status of its code. Anything else thrown in a handler is an internal error.
 */
export class RpcFailure extends Error {
  override readonly name = 'RpcFailure';

  constructor(readonly error: RpcError) {
    super(`${error.code}: ${error.detail?.en ?? error.title.en}`);
  }

  static of(code: RpcErrorCode, detail?: LocalizedText, extra: Partial<RpcError> = {}): RpcFailure {
    return new RpcFailure({ code, title: TITLES[code], ...(detail ? { detail } : {}), ...extra });
  }

  static invalidInput(errors: RpcError['errors'], detail?: LocalizedText): RpcFailure {
    return RpcFailure.of('invalid_input', detail ?? { zh: '请检查标出的字段', en: 'Check the fields listed' }, {
      errors,
    });
  }

  static notFound(what: LocalizedText, reason?: string): RpcFailure {
    return RpcFailure.of(
      'not_found',
      { zh: `${what.zh}不存在`, en: `${what.en} not found` },
      reason === undefined ? {} : { reason },
    );
  }

  static forbidden(detail: LocalizedText, reason?: string): RpcFailure {
    return RpcFailure.of('forbidden', detail, reason === undefined ? {} : { reason });
  }

  /** The refusal of the authorization policy (`can`): 404 where existence must not leak, else 403, with its code. */
  static denied(decision: Exclude<AccessDecision, { allowed: true }>): RpcFailure {
    return RpcFailure.of(decision.outcome, decision.message, {
      reason: decision.code,
      ...(decision.article === undefined ? {} : { article: decision.article }),
    });
  }

  /** DST's waiver refused by the domain's one waiver decision, with its stable code, rule and article. */
  static waiverRefused(decision: Extract<WaiverDecision, { ok: false }>): RpcFailure {
    return RpcFailure.of(decision.category, decision.message, {
      reason: decision.code,
      rule: decision.rule,
      ...(decision.article === undefined ? {} : { article: decision.article }),
    });
  }

  static staleVersion(expected: number, actual: number): RpcFailure {
    return RpcFailure.of(
      'stale_version',
      {
        zh: `版本为${actual}，请求基于版本${expected}`,
        en: `The version is ${actual}; the request was based on version ${expected}`,
      },
      { reason: 'version.stale' },
    );
  }

  /** A refusal of the domain's state machines, with its rule and article. */
  /** A failed hard rule of the measures: 422 with the rule, its article and the finding's message. */
  static violation(failed: Finding): RpcFailure {
    return RpcFailure.of('rule_violation', failed.message, {
      reason: 'rule.violated',
      rule: failed.rule,
      article: failed.article,
    });
  }

  static fromRefusal(refusal: Refusal): RpcFailure {
    switch (refusal.code) {
      case 'invalid_transition':
        return RpcFailure.of('conflict', refusal.message, { reason: 'lifecycle.invalid_transition' });
      case 'role_not_allowed':
        return RpcFailure.of('forbidden', refusal.message, { reason: 'lifecycle.role_not_allowed' });
      case 'rule_violation':
      case 'waiver_required':
        return RpcFailure.of(refusal.code, refusal.message, {
          reason: `rule.${refusal.code === 'rule_violation' ? 'violated' : 'waiver_required'}`,
          ...(refusal.rule ? { rule: refusal.rule } : {}),
          ...(refusal.article ? { article: refusal.article } : {}),
        });
    }
  }
}

/** The stable code of a refusal (`appointment.already_ended`), as it travels in an RpcError. */
export function refusalCode(code: string): Pick<RpcError, 'reason'> {
  return { reason: code };
}

/** Whether a value received over NATS is an RpcError. */
export function isRpcError(value: unknown): value is RpcError {
  return typeof value === 'object' && value !== null && 'code' in value && 'title' in value;
}
