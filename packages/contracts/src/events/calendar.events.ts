import { z } from 'zod';

import { defineEvent } from '../define-event';
import { actorSchema, isoDate } from '../schemas';

export const CalendarYearPublished = defineEvent({
  type: 'tic.calendar.year_published',
  producer: 'applications',
  summary: 'DST loaded the State Council’s holiday schedule for a year; provisional deadlines are recomputed',
  data: z.object({
    year: z.number().int().min(2004).max(2100),
    holidays: z.array(isoDate).min(1),
    workdays: z.array(isoDate),
    actor: actorSchema,
  }),
});
