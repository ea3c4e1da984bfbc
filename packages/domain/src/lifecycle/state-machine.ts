import { assessFindings, type Finding, type LocalizedText } from '../findings';
import type { RuleId } from '../rules/catalogue';
import type { Actor } from '../roles';

/** A guard checks the context of a transition and reports findings; it never throws for a violation. */
export type Guard<C> = (context: C) => readonly Finding[];

/** One row of a transition table. */
export interface Transition<S extends string, A extends string, C> {
  readonly from: S;
  readonly action: A;
  readonly to: S;
  readonly roles: readonly Actor[];
  readonly guards: readonly Guard<C>[];
  /** The article that gives this step. */
  readonly article: string;
}

/** Why an action is refused; each code maps to one HTTP status at the gateway. */
export type RefusalCode = 'invalid_transition' | 'role_not_allowed' | 'rule_violation' | 'waiver_required';

export interface Permission<S extends string> {
  readonly ok: true;
  readonly to: S;
  readonly article: string;
  /** Every finding the guards produced, including waived and advisory ones, to keep with the history. */
  readonly findings: readonly Finding[];
}

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: LocalizedText;
  readonly rule?: RuleId;
  readonly article?: string;
  readonly findings: readonly Finding[];
}

export type Decision<S extends string> = Permission<S> | Refusal;

/** A lifecycle as a transition table, and the one place that decides whether a step may be taken. */
export class StateMachine<S extends string, A extends string, C> {
  constructor(
    readonly name: LocalizedText,
    readonly transitions: readonly Transition<S, A, C>[],
  ) {}

  /** May `actor` take `action` from `from` in this context, given the rules DST has waived? If not, why. */
  decide(from: S, action: A, actor: Actor, context: C, waivedRules: readonly RuleId[] = []): Decision<S> {
    const candidates = this.transitions.filter((t) => t.from === from && t.action === action);
    if (candidates.length === 0) {
      return refuse('invalid_transition', {
        zh: `${this.name.zh}处于“${from}”状态，不能执行“${action}”`,
        en: `The ${this.name.en} is ${from}; ${action} is not possible from there`,
      });
    }
    const transition = candidates.find((t) => t.roles.includes(actor));
    if (transition === undefined) {
      return refuse('role_not_allowed', {
        zh: `角色“${actor}”无权对${this.name.zh}执行“${action}”`,
        en: `The role ${actor} may not ${action} the ${this.name.en}`,
      });
    }

    const findings = transition.guards.flatMap((guard) => guard(context));
    const assessment = assessFindings(findings, waivedRules);
    const [blocking] = assessment.blocking;
    if (blocking !== undefined) {
      return refuse('rule_violation', blocking.message, findings, blocking);
    }
    const [unwaived] = assessment.unwaived;
    if (unwaived !== undefined) {
      return refuse(
        'waiver_required',
        {
          zh: `${unwaived.message.zh}（须由省科技厅记录豁免理由）`,
          en: `${unwaived.message.en} (DST must record a waiver with a reason)`,
        },
        findings,
        unwaived,
      );
    }
    return { ok: true, to: transition.to, article: transition.article, findings };
  }

  /** The actions `actor` may attempt from a state (guards are not evaluated). */
  actionsFor(from: S, actor: Actor): A[] {
    const actions = this.transitions.filter((t) => t.from === from && t.roles.includes(actor)).map((t) => t.action);
    return [...new Set(actions)];
  }
}

function refuse(
  code: RefusalCode,
  message: LocalizedText,
  findings: readonly Finding[] = [],
  cause?: Finding,
): Refusal {
  return cause === undefined
    ? { ok: false, code, message, findings }
    : { ok: false, code, message, rule: cause.rule, article: cause.article, findings };
}
