import { z } from 'zod';

import { instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';

export const calendarYearSchema = z.object({
  year: z.number().int(),
  holidays: z.array(isoDate),
  workdays: z.array(isoDate),
  source: z.enum(['bundled', 'loaded']),
  loadedAt: instant.nullable(),
});

export const LoadCalendarYear = defineRpc({
  service: 'applications',
  operation: 'calendar.load',
  summary:
    'DST loads the State Council’s holiday schedule of a year; every service recomputes its provisional deadlines',
  request: z.object({
    year: z.number().int().min(2004).max(2100),
    holidays: z.array(isoDate).min(1).max(60),
    workdays: z.array(isoDate).max(20),
  }),
  response: calendarYearSchema,
});

export const ListCalendarYears = defineRpc({
  service: 'applications',
  operation: 'calendar.years',
  summary: 'The years whose schedules the platform holds',
  request: z.object({}),
  response: z.object({ years: z.array(calendarYearSchema) }),
});
