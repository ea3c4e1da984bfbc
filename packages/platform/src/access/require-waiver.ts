import { decideWaiver, type Finding, type RuleId, type WaiverSubject } from '@tic/domain';

import type { Caller } from '../context/call-context';
import { RpcFailure } from '../rpc/rpc-failure';

export interface WaiverRequested {
  readonly subject: WaiverSubject;
  readonly rule: RuleId;
  /** The subject's findings now. */
  readonly findings: readonly Finding[];
  /** The waivers already recorded on the subject. */
  readonly waivers: readonly { readonly rule: RuleId }[];
}

/**
 * The one waiver check of a service (DOMAIN.md §2): the domain decides (decideWaiver) and a refusal
 * carries its category, code, rule and article; returns the article the recorded waiver cites.
 */
export function requireWaiver(caller: Caller, request: WaiverRequested): { readonly article: string } {
  const decision = decideWaiver({
    subject: request.subject,
    rule: request.rule,
    role: caller.role,
    findings: request.findings,
    waivedRules: request.waivers.map((waiver) => waiver.rule),
  });
  if (!decision.ok) throw RpcFailure.waiverRefused(decision);
  return { article: decision.article };
}
