import type { Finding } from '../findings';
import type { RuleId } from './catalogue';

export interface ComplianceInput {
  /** Every finding about the center's people and committees (A14–A19). */
  readonly findings: readonly Finding[];
  /** Rules DST waived for the center as a whole. */
  readonly centerWaivedRules: readonly RuleId[];
  /** Findings waived where they arose (on the appointment of the person they concern). */
  readonly waivedFindings?: readonly Finding[];
}

export interface Compliance {
  readonly blocking: RuleId[];
  readonly unwaived: RuleId[];
  readonly waived: RuleId[];
  readonly advisories: RuleId[];
  /** No hard rule fails, and every failing principle rule is waived (DOMAIN.md §2). */
  readonly compliant: boolean;
}

/** What a center's findings mean together: which rules block, wait for a waiver, are waived, or only advise. */
export function assessCompliance(input: ComplianceInput): Compliance {
  const waivedHere = new Set(input.waivedFindings ?? []);
  const isWaived = (f: Finding) => input.centerWaivedRules.includes(f.rule) || waivedHere.has(f);
  const failed = (severity: Finding['severity']) => input.findings.filter((f) => !f.passed && f.severity === severity);
  const blocking = rules(failed('hard'));
  const unwaived = rules(failed('principle').filter((f) => !isWaived(f)));
  return {
    blocking,
    unwaived,
    waived: rules(failed('principle').filter(isWaived)),
    advisories: rules(failed('advisory')),
    compliant: blocking.length === 0 && unwaived.length === 0,
  };
}

function rules(findings: readonly Finding[]): RuleId[] {
  return [...new Set(findings.map((f) => f.rule))];
}
