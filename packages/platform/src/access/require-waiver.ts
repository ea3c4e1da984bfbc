import {
  coveredRules,
  decideWaiver,
  waivedFinding,
  type Finding,
  type KeptWaiver,
  type RuleId,
  type WaivedFinding,
  type WaiverSubject,
} from '@tic/domain';

import type { Caller } from '../context/call-context';
import { RpcFailure } from '../rpc/rpc-failure';

export interface WaiverRequested {
  readonly subject: WaiverSubject;
  readonly rule: RuleId;
  /** The subject's findings now. */
  readonly findings: readonly Finding[];
  /** The waivers already recorded on the subject; those that lapsed (waiverCovers) no longer count. */
  readonly waivers: readonly KeptWaiver[];
}

/**
 * The one waiver check of a service (DOMAIN.md §2, §3): the domain decides (decideWaiver) on the waivers
 * that still cover their findings, and a refusal carries its category, code, rule and article; returns the
 * article the recorded waiver cites and the finding it is bound to, for the service to keep with it.
 */
export function requireWaiver(
  caller: Caller,
  request: WaiverRequested,
): { readonly article: string; readonly finding: WaivedFinding } {
  const decision = decideWaiver({
    subject: request.subject,
    rule: request.rule,
    role: caller.role,
    findings: request.findings,
    waivedRules: coveredRules(request.waivers, request.findings),
  });
  if (!decision.ok) throw RpcFailure.waiverRefused(decision);
  // decideWaiver granted it, so the rule fails now: this is the finding the waiver covers.
  const waived = request.findings.find((f) => f.rule === request.rule && !f.passed) as Finding;
  return { article: decision.article, finding: waivedFinding(waived) };
}
