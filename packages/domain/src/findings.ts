import { RULES, type RuleId, type Severity } from './rules/catalogue';

/** A message in the two languages the platform answers in. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** The outcome of one rule check: never thrown, always returned. */
export interface Finding {
  readonly rule: RuleId;
  readonly article: string;
  readonly severity: Severity;
  readonly passed: boolean;
  readonly message: LocalizedText;
  /** Facts behind the outcome that a reviewer needs (counts, the conflicting platform…). */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** Builds a finding for a catalogue rule; article and severity always come from the catalogue. */
export function finding(rule: RuleId, passed: boolean, message: LocalizedText, details?: Finding['details']): Finding {
  const { article, severity } = RULES[rule];
  return details === undefined
    ? { rule, article, severity, passed, message }
    : { rule, article, severity, passed, message, details };
}

/** How a set of findings bears on an action, given the rules DST has waived for it. */
export interface FindingsAssessment {
  /** Failed hard rules: the action is refused. */
  readonly blocking: readonly Finding[];
  /** Failed principle rules with no recorded waiver: the action waits for DST. */
  readonly unwaived: readonly Finding[];
  /** Failed principle rules that DST has waived. */
  readonly waived: readonly Finding[];
  /** Failed advisory rules: reported only. */
  readonly advisories: readonly Finding[];
  readonly mayProceed: boolean;
}

/** Sorts failed findings by what they mean for the action (DOMAIN.md §2). */
export function assessFindings(findings: readonly Finding[], waivedRules: readonly RuleId[] = []): FindingsAssessment {
  const failed = findings.filter((f) => !f.passed);
  const blocking = failed.filter((f) => f.severity === 'hard');
  const principle = failed.filter((f) => f.severity === 'principle');
  const waived = principle.filter((f) => waivedRules.includes(f.rule));
  const unwaived = principle.filter((f) => !waivedRules.includes(f.rule));
  const advisories = failed.filter((f) => f.severity === 'advisory');
  return {
    blocking,
    unwaived,
    waived,
    advisories,
    mayProceed: blocking.length === 0 && unwaived.length === 0,
  };
}
