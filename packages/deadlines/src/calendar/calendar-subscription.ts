import type { EventSubscription } from '@tic/platform';

import type { Deadlines } from '../deadlines';

/**
 * The consumer of tic.calendar.year_published: the service stores its copy of the year and
 * recomputes its deadlines in the transaction that records the event as processed.
 */
export function calendarSubscription(deadlines: Deadlines, name = 'deadlines-calendar'): EventSubscription {
  return {
    name,
    types: ['tic.calendar.year_published'],
    handle: async (em, event) => {
      if (event.type !== 'tic.calendar.year_published') return;
      const { year, holidays, workdays } = event.data;
      await deadlines.applyCalendarYear(em, { year, holidays, workdays });
    },
  };
}
