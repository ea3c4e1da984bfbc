import { z } from 'zod';

import { CHANGE_ACTIONS, CHANGE_KINDS, CHANGE_STATUSES } from '@tic/domain';

import { actorRoleSchema, centerField, entityId, instant, isoDate, localizedText } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

export const changeStatusSchema = z.enum(CHANGE_STATUSES);

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** What the construction unit reports (A26): the decision, its written report, and one kind of change or several. */
const changeFields = {
  decidedOn: isoDate.describe('the date of the change decision (not in the future); D-change-filing runs from it'),
  reportRef: z.string().trim().min(1).max(200).describe('the construction unit’s written report in the document store'),
  description: z.string().trim().max(5000).default('').describe('what changes, and why'),
  rename: z
    .object({ field: centerField.describe('the field (领域/方向) the new A37 names are built from') })
    .optional()
    .describe('更名: the center is renamed; both A37 names are recomputed from this field'),
  direction: z
    .object({ field: centerField.describe('the new main research direction') })
    .optional()
    .describe('主要研究方向变更: the center’s field changes; its names stay unless it is renamed too'),
  reorganization: z
    .object({
      supportingUnitId: entityId,
      coBuilderIds: z.array(entityId).max(20).refine(uniqueIds, 'names a unit twice'),
      constructionUnitId: entityId.optional().describe('the construction unit (部门), when it changes too'),
    })
    .optional()
    .describe('依托单位、共建单位进行重大调整、重组: the units after the change, each a registered organization'),
};

// A26: a report of no change is no report.
const oneKindAtLeast = (
  form: { rename?: unknown; direction?: unknown; reorganization?: unknown },
  ctx: z.RefinementCtx,
) => {
  if (form.rename === undefined && form.direction === undefined && form.reorganization === undefined) {
    ctx.addIssue({ code: 'custom', path: ['rename'], message: 'name a renaming, a direction or a reorganization' });
  }
};

const historyEntry = z.object({
  at: instant,
  actorName: z.string(),
  role: actorRoleSchema,
  action: z.string(),
  from: changeStatusSchema,
  to: changeStatusSchema,
  comment: z.string().nullable(),
  article: z.string(),
});

const centerUnits = z.object({
  supportingUnitId: entityId,
  coBuilderIds: z.array(entityId),
  constructionUnitId: entityId,
  recommenderId: entityId,
});

export const changeSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  status: changeStatusSchema,
  kinds: z.array(z.enum(CHANGE_KINDS)),
  decidedOn: isoDate,
  reportRef: z.string(),
  description: z.string(),
  rename: z.object({ field: centerField, name: localizedText.describe('the A37 names it gives') }).nullable(),
  direction: z.object({ field: centerField }).nullable(),
  reorganization: z
    .object({
      supportingUnitId: entityId,
      coBuilderIds: z.array(entityId),
      constructionUnitId: entityId.nullable(),
    })
    .nullable(),
  committeeReviewOn: isoDate
    .nullable()
    .describe('the management committee’s meeting or written review the supporting unit named when it passed it'),
  filing: z
    .object({
      dueOn: isoDate,
      provisional: z.boolean().describe('computed on weekdays alone until the year’s holiday schedule is loaded'),
      state: z.enum(['pending', 'fired', 'completed', 'cancelled']),
    })
    .nullable()
    .describe('A26, D-change-filing: 30 working days from decidedOn, from the first submission on'),
  filedOn: isoDate.nullable(),
  previous: z
    .object({ name: localizedText, field: centerField, units: centerUnits })
    .nullable()
    .describe('the center as it stood before the filed change'),
  /** Actions the caller may take now. */
  allowedActions: z.array(z.enum(CHANGE_ACTIONS)),
  history: z.array(historyEntry),
  createdAt: instant,
  updatedAt: instant,
});
export type ChangeDto = z.output<typeof changeSchema>;

export const CreateChange = defineRpc({
  service: 'applications',
  operation: 'changes.create',
  summary: 'A26: the construction unit drafts a change report of its center (renaming, direction, reorganization)',
  request: z.object({ centerId: entityId, ...changeFields }).superRefine(oneKindAtLeast),
  response: changeSchema,
});

export const UpdateChange = defineRpc({
  service: 'applications',
  operation: 'changes.update',
  summary: 'A26: the construction unit revises its draft change report (or one returned to it)',
  request: z.object({ id: entityId, version: expectedVersion, ...changeFields }).superRefine(oneKindAtLeast),
  response: changeSchema,
});

export const GetChange = defineRpc({
  service: 'applications',
  operation: 'changes.get',
  summary: 'One change report with its filing deadline, history and the caller’s allowed actions',
  request: z.object({ id: entityId }),
  response: changeSchema,
});

export const ListChanges = defineRpc({
  service: 'applications',
  operation: 'changes.list',
  summary: 'The change reports of a center, newest first',
  request: z.object({ centerId: entityId, status: changeStatusSchema.optional(), ...pageRequest }),
  response: pageOf(changeSchema.omit({ history: true, allowedActions: true })),
});

export const TransitionChange = defineRpc({
  service: 'applications',
  operation: 'changes.transition',
  summary:
    'A26: move a change report one step: submit (construction unit), pass (supporting unit, naming the management committee’s review), consent (recommender), approve (DST files it), return',
  request: z.object({
    id: entityId,
    action: z.enum(CHANGE_ACTIONS),
    version: expectedVersion,
    comment: z.string().trim().max(5000).optional(),
    committeeReviewOn: isoDate
      .optional()
      .describe('for pass: the day of the management committee’s meeting or written review that argued the change'),
  }),
  response: changeSchema,
});
