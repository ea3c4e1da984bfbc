import { defineSubscription, type EventSubscription } from '@tic/platform';

import type { Deadlines } from '../deadlines';

/**
 * The consumer of tic.calendar.year_published: the service stores its copy of the year and
 * recomputes its deadlines in the transaction that records the event as processed.
 */
export function calendarSubscription(deadlines: Deadlines, name = 'deadlines-calendar'): EventSubscription {
  return defineSubscription({
    name,
    aggregate: 'calendar',
    on: {
      'tic.calendar.year_published': async (em, { data: { year, holidays, workdays } }) => {
        await deadlines.applyCalendarYear(em, { year, holidays, workdays });
      },
    },
  });
}
