/** How strongly the measures word a rule (DOMAIN.md §2). */
export type Severity = 'hard' | 'principle' | 'advisory';

/** What a rule governs: a condition or composition checked on data, a deadline, or a step of a procedure. */
export type RuleKind = 'condition' | 'composition' | 'deadline' | 'procedure';

export interface RuleDefinition {
  readonly article: string;
  readonly severity: Severity;
  readonly kind: RuleKind;
  readonly title: { readonly zh: string; readonly en: string };
}

/** A catalogue entry; article and severity are the measures' own. */
export function rule(article: string, severity: Severity, kind: RuleKind, zh: string, en: string): RuleDefinition {
  return { article, severity, kind, title: { zh, en } };
}
