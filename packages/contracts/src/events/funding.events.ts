import { z } from 'zod';

import { defineEvent } from '../define-event';
import { amountCny, entityId, isoDate } from '../schemas';

export const FundingAllocated = defineEvent({
  type: 'tic.funding.allocated',
  producer: 'funding',
  summary: 'A34–A36: provincial funds were allocated to a center, accounted separately',
  data: z.object({
    allocationId: entityId,
    centerId: entityId,
    fiscalYear: z.number().int().min(2000),
    amountCny,
    purpose: z.string().min(1),
    allocatedOn: isoDate,
  }),
});
