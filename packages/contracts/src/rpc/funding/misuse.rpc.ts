import { z } from 'zod';

import { MISUSE_KINDS } from '@tic/domain';

import { entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';
import { fen, positiveFen } from './money';

export const misuseFindingSchema = z.object({
  id: entityId,
  allocationId: entityId,
  centerId: entityId,
  kind: z.enum(MISUSE_KINDS).describe('A36: 弄虚作假、截留、挪用、挤占'),
  amountFen: positiveFen,
  description: z.string(),
  foundOn: isoDate,
  recoverFen: fen.describe('the amount to be recovered (追回); 0 when none'),
  suspendAllocation: z.boolean().describe('whether the allocation was suspended: no expenditure may be recorded'),
  revocationProposed: z.boolean().describe('A31(六): whether it was put to DST as a ground of revocation'),
  recordedBy: z.string(),
  recordedAt: instant,
});
export type MisuseFindingDto = z.output<typeof misuseFindingSchema>;

export const RecordMisuseFinding = defineRpc({
  service: 'funding',
  operation: 'misuse.record',
  summary:
    'A36: DST records a misuse of provincial funds with its amount and decision; it may open revocation ground (6)',
  request: z.object({
    allocationId: entityId,
    kind: z.enum(MISUSE_KINDS),
    amountFen: positiveFen,
    description: z.string().trim().min(1).max(5000),
    foundOn: isoDate,
    recoverFen: fen.default(0),
    suspendAllocation: z.boolean().default(false),
    proposeRevocation: z.boolean().default(false).describe('A31(六): put the finding to DST as a ground of revocation'),
  }),
  response: misuseFindingSchema,
});

export const ListMisuseFindings = defineRpc({
  service: 'funding',
  operation: 'misuse.list',
  summary: 'A36: the misuse findings of a center or an allocation',
  request: z.object({ centerId: entityId.optional(), allocationId: entityId.optional(), ...pageRequest }),
  response: pageOf(misuseFindingSchema),
});
