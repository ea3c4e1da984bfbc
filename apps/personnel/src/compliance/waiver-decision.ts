import { RULES, type Finding, type RuleId } from '@tic/domain';
import { refuse, type RpcFailure } from '@tic/platform';

import { WAIVER_REFUSALS } from './waiver.refusals';

/** The principle rules about a center's staffing as a whole, which DST waives for the center. */
export const CENTER_WAIVABLE: readonly RuleId[] = ['A14-deputies', 'A17-size', 'A18-fixed-count'];

export interface WaiverRequest {
  /** What the waiver is recorded on: one appointment, or the center as a whole. */
  readonly scope: 'appointment' | 'center';
  readonly rule: RuleId;
  /** The findings now about what is waived. */
  readonly findings: readonly Finding[];
  /** The rules already waived for it. */
  readonly waived: readonly RuleId[];
}

export type WaiverDecision = { readonly ok: true; readonly article: string } | { readonly ok: false; readonly failure: RpcFailure };

/**
 * DOMAIN.md §2: DST waives only a principle rule that fails now and is not waived yet; a center waives
 * the rules about its staffing as a whole, an appointment the rest.
 */
export function decideWaiver(request: WaiverRequest): WaiverDecision {
  const { rule, scope } = request;
  const { article, severity } = RULES[rule];
  const params = { rule, article };
  const extra = { rule, article };
  if (severity !== 'principle') return { ok: false, failure: refuse(scope === 'center' ? WAIVER_REFUSALS.not_for_center : WAIVER_REFUSALS.hard_rule, params, extra) };
  if (scope === 'center' && !CENTER_WAIVABLE.includes(rule)) return { ok: false, failure: refuse(WAIVER_REFUSALS.waived_on_appointment, params, extra) };
  if (request.waived.includes(rule)) return { ok: false, failure: refuse(WAIVER_REFUSALS.already_waived, params, scope === 'center' ? {} : extra) };
  if (!request.findings.some((f) => f.rule === rule && !f.passed)) return { ok: false, failure: refuse(WAIVER_REFUSALS.nothing_to_waive, params, extra) };
  return { ok: true, article };
}
