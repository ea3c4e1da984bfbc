import { z } from 'zod';

import { STAFF_ROLES } from '@tic/domain';

import { entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';
import { maskedIdNumber, personName, residentIdNumber } from './person-fields';

const contact = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/, 'must be a phone number')
    .optional(),
  email: z.email().max(200).optional(),
});

/** A person's post, as shown with the person. */
export const personPostSchema = z.object({
  appointmentId: entityId,
  platformId: entityId,
  platformName: z.string(),
  role: z.enum(STAFF_ROLES),
  kind: z.enum(['fixed', 'floating']),
  status: z.enum(['awaiting_waiver', 'active', 'ended']),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
});

/** A person of the registry; the resident ID number only ever masked. */
export const personSchema = z.object({
  id: entityId,
  version: z.number().int(),
  name: personName,
  idNumberMasked: maskedIdNumber,
  title: z.string().nullable(),
  employerOrgId: entityId,
  fullTime: z.boolean().describe('A15, A18: employed full-time by the employer, as the employer records it'),
  contact,
  posts: z.array(personPostSchema),
  createdAt: instant,
  updatedAt: instant,
});
export type PersonDto = z.output<typeof personSchema>;

export const personSummarySchema = personSchema.omit({ posts: true, contact: true });

export const RegisterPerson = defineRpc({
  service: 'personnel',
  operation: 'people.register',
  summary:
    'Registers a person; one record per resident ID number province-wide. A number already registered is a 409 person.already_registered that says nothing about the person (appoint them by the number instead)',
  request: z.object({
    name: personName,
    idNumber: residentIdNumber,
    title: z.string().trim().max(50).optional().describe('职称 / professional title'),
    employerOrgId: entityId,
    fullTime: z
      .boolean()
      .default(true)
      .describe(
        'A15: whether the employer employs the person full-time (全职); a director must be. Unless stated, full-time',
      ),
    contact: contact.default({}),
  }),
  response: personSchema,
});

export const GetPerson = defineRpc({
  service: 'personnel',
  operation: 'people.get',
  summary: 'One person in the caller’s scope, with their posts; the ID number masked',
  request: z.object({ id: entityId }),
  response: personSchema,
});

export const ListPeople = defineRpc({
  service: 'personnel',
  operation: 'people.list',
  summary: 'People in the caller’s scope: those serving its platforms or employed by it',
  request: z.object({
    ...pageRequest,
    platformId: entityId.optional(),
    employerOrgId: entityId.optional(),
    name: z.string().trim().min(1).max(50).optional(),
  }),
  response: pageOf(personSummarySchema),
});

export const UpdatePerson = defineRpc({
  service: 'personnel',
  operation: 'people.update',
  summary:
    'Corrects a person’s name, title, employer or contact; the ID number identifies the person and never changes',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    name: personName.optional(),
    title: z.string().trim().max(50).nullable().optional(),
    employerOrgId: entityId.optional(),
    fullTime: z.boolean().optional().describe('A15: the employer records a change to full-time or part-time'),
    contact: contact.optional(),
  }),
  response: personSchema,
});

export const RevealIdentityNumber = defineRpc({
  service: 'personnel',
  operation: 'people.reveal_identity',
  summary: 'DST reads a person’s resident ID number unmasked, with the reason; every read is audited',
  request: z.object({ id: entityId, reason: z.string().trim().min(4).max(500) }),
  response: z.object({ personId: entityId, idNumber: z.string(), auditId: entityId }),
});

export const identityReadSchema = z.object({
  id: entityId,
  personId: entityId,
  personName: z.string(),
  readerUserId: z.string(),
  readerName: z.string(),
  reason: z.string(),
  readAt: instant,
  correlationId: z.string().nullable(),
});

export const ListIdentityReads = defineRpc({
  service: 'personnel',
  operation: 'people.identity_reads',
  summary: 'The audit of unmasked ID number reads, newest first',
  request: z.object({ ...pageRequest, personId: entityId.optional() }),
  response: pageOf(identityReadSchema),
});
