import { z } from 'zod';

import { DEADLINE_KIND_IDS, type DeadlineKind } from '@tic/domain';

import { defineEvent } from '../define-event';
import { entityId, isoDate } from '../schemas';

const deadlineRef = {
  deadlineId: entityId,
  kind: z.enum(DEADLINE_KIND_IDS as [DeadlineKind, ...DeadlineKind[]]),
  article: z.string().min(1),
  subjectId: entityId.describe('the aggregate the deadline is about (application, center, notice, appointment…)'),
  centerId: entityId.optional(),
  dueOn: isoDate,
  provisional: z.boolean().describe('the due date rests on a year whose holiday schedule is not published'),
};

const owners = ['applications', 'personnel', 'evaluations'] as const;

export const DeadlineReminder = defineEvent({
  type: 'tic.deadline.reminder',
  producer: owners,
  summary: 'A deadline of the measures falls due soon (DOMAIN.md §5)',
  data: z.object({ ...deadlineRef, daysBefore: z.number().int().min(1) }),
});

export const DeadlineOverdue = defineEvent({
  type: 'tic.deadline.overdue',
  producer: owners,
  summary: 'A deadline of the measures passed without the act it waits for',
  data: z.object(deadlineRef),
});
