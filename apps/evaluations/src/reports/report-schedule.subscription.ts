import type { Clock, Deadlines } from '@tic/deadlines';
import { defineSubscription, type EventSubscription } from '@tic/platform';

import { firstReportYear, scheduleReportDeadline } from './report-deadlines';

/**
 * A27: every center that enters the registry (operating or in preparation: A27 asks it of every center)
 * has its first D-annual-report scheduled; each later year is scheduled when the previous one is
 * submitted or falls overdue. A replayed `established` finds the row and schedules nothing twice.
 */
export function reportScheduleSubscription(deadlines: Deadlines, clock: Clock): EventSubscription {
  return defineSubscription({
    name: 'report-schedule',
    aggregate: 'center',
    on: {
      'tic.center.established': async (em, { data }) => {
        await scheduleReportDeadline(em, deadlines, data.centerId, firstReportYear(data.establishedOn, clock.today()));
      },
      'tic.center.renamed': 'ignore',
      'tic.center.direction_changed': 'ignore',
      'tic.center.units_changed': 'ignore',
      // A closed center's pending report stays: the overdue handler reads its status when the day comes.
      'tic.center.status_changed': 'ignore',
      'tic.center.revoked': 'ignore',
      'tic.center.graduated': 'ignore',
      'tic.center.filed': 'ignore',
      'tic.center.preparation_overdue': 'ignore',
    },
  });
}
