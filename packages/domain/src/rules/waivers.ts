import { ACCESS_RULES } from '../access/access-rules';
import type { Finding, LocalizedText } from '../findings';
import type { Role } from '../roles';
import { RULES, type RuleId } from './catalogue';

/** What a waiver is recorded on: an application in review, one appointment, or a center's staffing as a whole. */
export type WaiverSubject = 'application' | 'appointment' | 'center';

/** The principle rules about a center's staffing as a whole (A14, A16, A17, A18), waived for the center, not a post. */
export const CENTER_WAIVABLE_RULES: readonly RuleId[] = [
  'A14-deputies',
  'A16-co-builders',
  'A17-size',
  'A18-fixed-count',
];

export interface WaiverRequest {
  readonly subject: WaiverSubject;
  readonly rule: RuleId;
  readonly role: Role;
  /** The subject's findings now (a passed finding, or none, means there is nothing to waive). */
  readonly findings: readonly Finding[];
  /** The rules already waived on this subject. */
  readonly waivedRules: readonly RuleId[];
}

/** How a refused waiver is answered: its category gives the HTTP status. */
export type WaiverRefusalCategory = 'forbidden' | 'rule_violation' | 'conflict';

export type WaiverDecision =
  | { readonly ok: true; readonly rule: RuleId; readonly article: string }
  | {
      readonly ok: false;
      readonly category: WaiverRefusalCategory;
      readonly code: string;
      readonly message: LocalizedText;
      readonly rule: RuleId;
      readonly article?: string;
    };

/**
 * DOMAIN.md §2: only DST records a waiver, only of a principle rule, only where that rule fails now and
 * is not waived yet; a center's staffing rules are waived for the center, the others on what they concern.
 */
export function decideWaiver(request: WaiverRequest): WaiverDecision {
  const { rule, subject } = request;
  const { article, severity } = RULES[rule];
  const refuse = (
    category: WaiverRefusalCategory,
    code: string,
    zh: string,
    en: string,
    withArticle = true,
  ): WaiverDecision => ({
    ok: false,
    category,
    code,
    message: { zh, en },
    rule,
    ...(withArticle ? { article } : {}),
  });
  const policy = ACCESS_RULES['waiver.record'];
  if (policy.grants[request.role] === undefined) {
    return { ok: false, category: 'forbidden', code: policy.code, message: policy.message, rule };
  }
  if (severity !== 'principle') {
    return refuse(
      'rule_violation',
      'waiver.not_a_principle_rule',
      `${article}的该项规定不是原则性规定，不能豁免`,
      `${rule} is not a principle rule and cannot be waived`,
    );
  }
  if (subject === 'center' && !CENTER_WAIVABLE_RULES.includes(rule)) {
    return refuse(
      'rule_violation',
      'waiver.on_the_appointment',
      `${article}的该项规定须针对具体聘任豁免`,
      `${rule} is waived on the appointment it concerns`,
    );
  }
  if (
    subject === 'appointment' &&
    CENTER_WAIVABLE_RULES.includes(rule) &&
    !request.findings.some((f) => f.rule === rule)
  ) {
    return refuse(
      'rule_violation',
      'waiver.on_the_center',
      `${article}的该项规定针对中心整体豁免`,
      `${rule} is waived for the center as a whole`,
    );
  }
  if (request.waivedRules.includes(rule)) {
    return refuse('conflict', 'waiver.already_waived', `${article}的该项规定已豁免`, `${rule} is already waived here`);
  }
  if (!request.findings.some((f) => f.rule === rule && !f.passed)) {
    return refuse(
      'conflict',
      'waiver.rule_not_failing',
      `目前没有待豁免的${article}事项`,
      `${rule} does not fail here now; there is nothing to waive`,
    );
  }
  return { ok: true, rule, article };
}
