import { assessFindings, type Finding } from '../findings';
import type { RuleId } from '../rules/catalogue';
import type { Actor } from '../roles';
import { condition, required } from './guards';
import { StateMachine, type Decision, type Guard, type Transition } from './state-machine';

/** The states of a post on a platform (personnel's Appointment). */
export const APPOINTMENT_STATUSES = ['awaiting_waiver', 'active', 'ended'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_ACTIONS = ['waive', 'end', 'file_director'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** What the guards of an appointment transition look at. */
export interface AppointmentContext {
  /** A15: the director's appointment (or end without a successor) to file, and whether it is filed already. */
  readonly directorFiling?: { readonly filedOn: string | null } | null;
}

type AppointmentGuard = Guard<AppointmentContext>;

// A15: only a director's appointment is filed, and once.
const awaitsFiling: AppointmentGuard = (ctx) => {
  const filing = required(ctx.directorFiling, 'directorFiling');
  return condition(
    'A15-filing',
    filing !== null && filing.filedOn === null,
    { zh: '中心主任的聘任待备案', en: 'The director’s appointment awaits filing' },
    filing === null
      ? { zh: '只有中心主任的聘任需要备案', en: 'Only a director’s appointment is filed' }
      : { zh: `已于${filing.filedOn ?? ''}备案`, en: `Already filed on ${filing.filedOn ?? ''}` },
  );
};

const MANAGING: readonly Actor[] = ['supporting_unit', 'construction_unit'];

function step(
  from: AppointmentStatus,
  action: AppointmentAction,
  to: AppointmentStatus,
  roles: readonly Actor[],
  article: string,
  guards: readonly AppointmentGuard[] = [],
): Transition<AppointmentStatus, AppointmentAction, AppointmentContext> {
  return { from, action, to, roles, guards, article };
}

/**
 * A14–A18: a post starts active, or awaiting DST's waiver of a failing principle rule; it ends when its
 * unit ends it; a director's is filed (A15). Who of the managing units may act on which post is the
 * access policy's (`appointment.*`); the machine says which step is possible from where.
 */
export const APPOINTMENT_TRANSITIONS = [
  step('awaiting_waiver', 'waive', 'awaiting_waiver', ['dst_admin'], '第十八条'),
  step('active', 'waive', 'active', ['dst_admin'], '第十八条'),
  step('awaiting_waiver', 'end', 'ended', MANAGING, '第十五条'),
  step('active', 'end', 'ended', MANAGING, '第十五条'),
  step('active', 'file_director', 'active', ['supporting_unit'], '第十五条', [awaitsFiling]),
  step('awaiting_waiver', 'file_director', 'awaiting_waiver', ['supporting_unit'], '第十五条', [awaitsFiling]),
  // A15: a director's post ended without a successor (调整) is filed after it ends.
  step('ended', 'file_director', 'ended', ['supporting_unit'], '第十五条', [awaitsFiling]),
] as const;

/** The appointment state machine. */
export const appointmentLifecycle = new StateMachine<AppointmentStatus, AppointmentAction, AppointmentContext>(
  { zh: '聘任', en: 'appointment' },
  APPOINTMENT_TRANSITIONS,
);

/**
 * The status a post takes from its findings and the rules waived on it: a failing hard rule refuses it;
 * a failing principle rule not waived keeps it awaiting DST's waiver (DOMAIN.md §2); else it is active.
 */
export function appointmentStatusFor(
  findings: readonly Finding[],
  waivedRules: readonly RuleId[] = [],
): Decision<AppointmentStatus> {
  const assessment = assessFindings(findings, waivedRules);
  const [blocking] = assessment.blocking;
  if (blocking !== undefined) {
    return {
      ok: false,
      code: 'rule_violation',
      message: blocking.message,
      rule: blocking.rule,
      article: blocking.article,
      findings,
    };
  }
  return { ok: true, to: assessment.mayProceed ? 'active' : 'awaiting_waiver', article: '第十八条', findings };
}
