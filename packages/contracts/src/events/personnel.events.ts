import { z } from 'zod';

import { defineEvent } from '../define-event';
import { entityId, isoDate } from '../schemas';

export const DirectorChanged = defineEvent({
  type: 'tic.personnel.director_changed',
  producer: 'personnel',
  summary: 'A15: a director appointment or change was filed with the recommender and DST',
  data: z.object({
    centerId: entityId,
    appointmentId: entityId,
    change: z
      .enum(['appointed', 'ended_without_successor'])
      .optional()
      .describe(
        'A15 聘任与调整: a new director (directorName), or a director’s post ended with no successor (directorName is the one who left); absent in events before issue 10, which were appointments',
      ),
    directorName: z.string().min(1),
    previousDirectorName: z.string().min(1).optional(),
    decidedOn: isoDate.describe('the supporting unit’s decision, which starts the 30 working days'),
    filedOn: isoDate,
    filedWithinPeriod: z.boolean(),
  }),
});

export const DuplicateFound = defineEvent({
  type: 'tic.personnel.duplicate_found',
  producer: 'personnel',
  summary:
    'A18: a fixed staff member is already fixed staff of another provincial platform (查重); no identity number is carried',
  data: z.object({
    personId: entityId.describe('the registry’s own id of the person, not an identity number'),
    personName: z.string().min(1),
    platformId: entityId,
    platformName: z.string().min(1),
    conflictingPlatformId: entityId,
    conflictingPlatformName: z.string().min(1),
    conflictingSince: isoDate,
    rule: z.literal('A18-one-platform'),
    article: z.literal('第十八条'),
  }),
});
