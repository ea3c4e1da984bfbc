import { z } from 'zod';

import { STAFF_ROLES } from '@tic/domain';

import { entityId, findingSchema, instant, isoDate, ruleIdSchema } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';
import { exactlyOnePerson, namedPersonFields } from './person-fields';

/** A18: the agreement a floating staff member works under. */
export const workAgreementSchema = z.object({
  startsOn: isoDate,
  endsOn: isoDate,
  workingTime: z.string().trim().max(200).describe('e.g. 每年在中心工作不少于6个月'),
  tasks: z.string().trim().max(2000),
  documentRef: z.string().trim().max(200).describe('the signed agreement in the document store'),
});

export const appointmentStatusSchema = z.enum(['awaiting_waiver', 'active', 'ended']);

const waiverSchema = z.object({
  rule: ruleIdSchema,
  article: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: instant,
});

/** A15: the director's filing with the recommender and DST, due 30 working days after the decision. */
export const directorFilingSchema = z.object({
  change: z
    .enum(['appointed', 'ended_without_successor'])
    .describe('A15 聘任与调整: an appointment, or the end of a director’s post without a successor'),
  decidedOn: isoDate,
  committeeReviewedOn: isoDate,
  dueOn: isoDate,
  dueOnProvisional: z.boolean(),
  state: z.enum(['pending', 'overdue', 'filed']),
  filedOn: isoDate.nullable(),
  filedWithinPeriod: z.boolean().nullable(),
  documentRef: z.string().nullable(),
});

export const appointmentSchema = z.object({
  id: entityId,
  version: z.number().int(),
  personId: entityId,
  personName: z.string(),
  idNumberMasked: z.string(),
  platformId: entityId,
  platformName: z.string(),
  role: z.enum(STAFF_ROLES),
  kind: z.enum(['fixed', 'floating']),
  status: appointmentStatusSchema,
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  agreement: workAgreementSchema.nullable(),
  /** The rules checked when it was made: A14, A15, A18. */
  findings: z.array(findingSchema),
  waivers: z.array(waiverSchema),
  directorFiling: directorFilingSchema.nullable(),
  createdAt: instant,
});
export type AppointmentDto = z.output<typeof appointmentSchema>;

export const CreateAppointment = defineRpc({
  service: 'personnel',
  operation: 'appointments.create',
  summary:
    'Appoints a person to a platform. Hard rules (A15, A18 agreement) refuse it; a principle finding (A14, A18 one platform) holds it until DST waives it',
  request: z
    .object({
      platformId: entityId,
      ...namedPersonFields,
      role: z.enum(STAFF_ROLES),
      kind: z.enum(['fixed', 'floating']),
      startsOn: isoDate,
      endsOn: isoDate.optional(),
      agreement: workAgreementSchema.optional().describe('A18: required for floating staff'),
      decidedOn: isoDate.optional().describe('A15: the supporting unit’s decision; required for a director'),
      committeeReviewedOn: isoDate
        .optional()
        .describe('A15: the management committee’s review; required for a director'),
    })
    .superRefine(exactlyOnePerson),
  response: appointmentSchema,
});

export const GetAppointment = defineRpc({
  service: 'personnel',
  operation: 'appointments.get',
  summary: 'One appointment in the caller’s scope',
  request: z.object({ id: entityId }),
  response: appointmentSchema,
});

export const ListAppointments = defineRpc({
  service: 'personnel',
  operation: 'appointments.list',
  summary: 'Appointments in the caller’s scope; DST finds those awaiting a waiver with status=awaiting_waiver',
  request: z.object({
    ...pageRequest,
    platformId: entityId.optional(),
    personId: entityId.optional(),
    role: z.enum(STAFF_ROLES).optional(),
    status: appointmentStatusSchema.optional(),
  }),
  response: pageOf(appointmentSchema),
});

export const EndAppointment = defineRpc({
  service: 'personnel',
  operation: 'appointments.end',
  summary:
    'Ends an appointment (the person left, or a held appointment is withdrawn). Ending a TIC director without a successor is an A15 调整: it needs the decision and the committee’s review, and starts the 30-working-day filing',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    endsOn: isoDate,
    reason: z.string().trim().max(500).optional(),
    decidedOn: isoDate
      .optional()
      .describe('A15: the supporting unit’s decision to end a director’s post; required for a TIC director'),
    committeeReviewedOn: isoDate
      .optional()
      .describe('A15: the management committee’s review of it, on or before the decision; required for a TIC director'),
  }),
  response: appointmentSchema,
});

export const WaiveAppointmentRule = defineRpc({
  service: 'personnel',
  operation: 'appointments.waive',
  summary:
    'DST waives a failed principle rule of an appointment, with its reason; it takes effect once every such rule is waived',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    rule: ruleIdSchema,
    reason: z.string().trim().min(4).max(1000),
  }),
  response: appointmentSchema,
});

export const FileDirectorAppointment = defineRpc({
  service: 'personnel',
  operation: 'appointments.file',
  summary: 'A15: the supporting unit records that the director’s appointment was filed with the recommender and DST',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    filedOn: isoDate.optional(),
    documentRef: z.string().trim().min(1).max(200).optional(),
  }),
  response: appointmentSchema,
});
