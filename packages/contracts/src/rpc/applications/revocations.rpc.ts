import { z } from 'zod';

import { REVOCATION_STATUSES } from '@tic/domain';

import { revocationGroundsSchema } from '../../revocation-schemas';
import { actorRoleSchema, entityId, instant, isoDate, localizedText } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion, pageOf, pageRequest } from '../paging';

const text = (max: number) => z.string().trim().min(2).max(max);

/** A reference to a piece of evidence (a document number, a file in the platform, an inspection record). */
export const evidenceSchema = z.object({
  ref: z.string().trim().min(1).max(200).describe('where the evidence is: a document number or a file reference'),
  description: z.string().trim().min(1).max(2000),
});

/** A31: a revocation case, its grounds, evidence, the units' answer, DST's decision and filing, and its history. */
export const revocationSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  centerName: localizedText,
  grounds: revocationGroundsSchema,
  articles: z.array(z.string()).describe('the items of Article 31 the grounds are, in the order of `grounds`'),
  status: z.enum(REVOCATION_STATUSES),
  origin: z.enum([
    'evaluation',
    'rectification',
    'annual_report',
    'evaluation_participation',
    'funding_misuse',
    'give_up',
    'dst',
  ]),
  cause: z.string().describe('what opened or proposed the case'),
  statement: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  proposedOn: isoDate.nullable(),
  openedOn: isoDate.nullable(),
  answerBy: isoDate.nullable(),
  answer: z.object({ statement: z.string(), answeredOn: isoDate, evidence: z.array(evidenceSchema) }).nullable(),
  decision: z
    .object({ outcome: z.enum(['revoke', 'close', 'dismiss']), reason: z.string(), decidedOn: isoDate })
    .nullable(),
  filing: z.object({ filedOn: isoDate, documentRef: z.string() }).nullable(),
  supportingUnitId: entityId,
  history: z.array(
    z.object({
      at: instant,
      actorName: z.string(),
      role: actorRoleSchema.nullable(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      comment: z.string().nullable(),
      article: z.string().nullable(),
    }),
  ),
  createdAt: instant,
});
export type RevocationDto = z.output<typeof revocationSchema>;

/** DST's day for the units' answer: from the day the case opens on. */
const answerBy = isoDate.describe('A31: the last day on which the center’s units may answer');

export const ListRevocations = defineRpc({
  service: 'applications',
  operation: 'revocations.list',
  summary: 'Revocation cases in the caller’s scope, by status and center',
  request: z.object({ ...pageRequest, status: z.enum(REVOCATION_STATUSES).optional(), centerId: entityId.optional() }),
  response: pageOf(revocationSchema),
});

export const GetRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.get',
  summary: 'One revocation case with its history',
  request: z.object({ id: entityId }),
  response: revocationSchema,
});

export const OpenRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.open',
  summary: 'A31(六)–(九): DST opens a case against a center, with evidence, and sets the day to answer by',
  request: z.object({
    centerId: entityId,
    grounds: revocationGroundsSchema,
    statement: text(5000),
    evidence: z.array(evidenceSchema).min(1).max(50),
    answerBy,
  }),
  response: revocationSchema,
});

export const GiveUpCenter = defineRpc({
  service: 'applications',
  operation: 'revocations.give_up',
  summary: 'A31(五): the supporting unit applies to give up the center’s qualification; a case is opened',
  request: z.object({
    centerId: entityId,
    statement: text(5000),
    evidence: z.array(evidenceSchema).max(50).default([]),
  }),
  response: revocationSchema,
});

export const AnswerRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.answer',
  summary: 'A31: the supporting unit answers a case against its center, until the day DST set',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    statement: text(10000),
    evidence: z.array(evidenceSchema).max(50).default([]),
  }),
  response: revocationSchema,
});

export const SetRevocationAnswerBy = defineRpc({
  service: 'applications',
  operation: 'revocations.set_answer_by',
  summary: 'A31: DST sets or moves the day the center’s units answer an open case by',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    answerBy,
    reason: text(2000).optional().describe('why the day moves'),
  }),
  response: revocationSchema,
});

export const ConfirmRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.confirm',
  summary: 'A31(三)(四): DST confirms a proposed case (opens it) and sets the day to answer by',
  request: z.object({ id: entityId, version: expectedVersion, answerBy, statement: text(5000).optional() }),
  response: revocationSchema,
});

export const DismissRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.dismiss',
  summary: 'A31(三)(四): DST dismisses a proposed case for a good reason',
  request: z.object({ id: entityId, version: expectedVersion, reason: text(5000) }),
  response: revocationSchema,
});

export const DecideRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.decide',
  summary: 'A31: DST revokes the center or closes the case, with reasons',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    outcome: z.enum(['revoke', 'close']),
    reason: text(5000),
    decidedOn: isoDate.optional().describe('the day of the decision (default: today); not in the future'),
  }),
  response: revocationSchema,
});

export const FileRevocation = defineRpc({
  service: 'applications',
  operation: 'revocations.file',
  summary: 'A31: DST files the revocation with the committee office (备案)',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    filedOn: isoDate.optional().describe('default: today'),
    documentRef: z.string().trim().min(1).max(200),
  }),
  response: revocationSchema,
});
