import { isCenterClosed, type CenterStatus } from '../lifecycle/center-lifecycle';
import { DEADLINE_KINDS } from './deadline-kinds';
import { bundledCalendar, type HolidayCalendar } from './holiday-calendar';
import { assertIsoDate } from './iso-date';
import { computeDueDate, type ComputedDueDate } from './periods';

/**
 * D-evaluation-cycle (A28): a center is due for evaluation two years after its last evaluation, or its
 * approval when it has none. Two years out the schedule is seldom published, so the date may be
 * provisional (DOMAIN.md §5) and is recomputed once the year is loaded.
 */
export function evaluationDueOn(
  lastEvaluatedOrApprovedOn: string,
  calendar: HolidayCalendar = bundledCalendar(),
): ComputedDueDate {
  return computeDueDate(lastEvaluatedOrApprovedOn, DEADLINE_KINDS['D-evaluation-cycle'].length, calendar);
}

/** D-preparation (A12 last paragraph): a center in preparation is evaluated at the end of its year. */
export function preparationEvaluationDueOn(
  approvedOn: string,
  calendar: HolidayCalendar = bundledCalendar(),
): ComputedDueDate {
  return computeDueDate(approvedOn, DEADLINE_KINDS['D-preparation'].length, calendar);
}

export interface CenterEvaluationStanding {
  readonly centerId: string;
  readonly status: CenterStatus;
  readonly approvedOn: string;
  readonly lastEvaluatedOn: string | null;
}

export interface CenterDue extends ComputedDueDate {
  readonly centerId: string;
  /** Which period made it due: the two-year cycle (A28) or the end of preparation (A12). */
  readonly basis: 'cycle' | 'preparation';
}

/**
 * The centers a round closing on `closingOn` takes: those whose due date is on or before it. Revoked,
 * terminated and graduated centers are no longer evaluated.
 */
export function centersDueForRound(
  centers: readonly CenterEvaluationStanding[],
  closingOn: string,
  calendar: HolidayCalendar = bundledCalendar(),
): CenterDue[] {
  assertIsoDate(closingOn, 'closingOn');
  const due: CenterDue[] = [];
  for (const center of centers) {
    if (isCenterClosed(center.status)) continue;
    const computed =
      center.status === 'preparing'
        ? { ...preparationEvaluationDueOn(center.approvedOn, calendar), basis: 'preparation' as const }
        : { ...evaluationDueOn(center.lastEvaluatedOn ?? center.approvedOn, calendar), basis: 'cycle' as const };
    if (computed.due <= closingOn) due.push({ centerId: center.centerId, ...computed });
  }
  return due;
}
