import { z } from 'zod';

import { PROPOSAL_STATUSES } from '@tic/domain';

import { entityId, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

export const policySupportProposalSchema = z.object({
  id: entityId,
  evaluationId: entityId,
  roundId: entityId,
  centerId: entityId,
  centerName: z.string(),
  score: z.number(),
  proposedOn: isoDate,
  status: z.enum(PROPOSAL_STATUSES),
  allocationId: entityId.nullable(),
  declineReason: z.string().nullable(),
  decidedOn: isoDate.nullable(),
});
export type PolicySupportProposalDto = z.output<typeof policySupportProposalSchema>;

export const ListPolicySupportProposals = defineRpc({
  service: 'funding',
  operation: 'proposals.list',
  summary: 'A30, A33: policy-support proposals of excellent grades, oldest open first',
  request: z.object({ status: z.enum(PROPOSAL_STATUSES).optional(), centerId: entityId.optional(), ...pageRequest }),
  response: pageOf(policySupportProposalSchema),
});

export const DeclinePolicySupportProposal = defineRpc({
  service: 'funding',
  operation: 'proposals.decline',
  summary: 'A33: DST declines a policy-support proposal with a reason (an allocation answers it otherwise)',
  request: z.object({ proposalId: entityId, reason: z.string().trim().min(1).max(2000) }),
  response: policySupportProposalSchema,
});
