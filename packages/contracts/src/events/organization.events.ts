import { z } from 'zod';

import { ORGANIZATION_KINDS } from '@tic/domain';

import { defineEvent } from '../define-event';
import { entityId } from '../schemas';

export const OrganizationRegistered = defineEvent({
  type: 'tic.organization.registered',
  producer: 'applications',
  summary:
    'A unit (单位) entered the registry, with the unit above it: the hierarchy that decides the insider organizations of a center (A15, A16, A17, 回避)',
  data: z.object({
    organizationId: entityId,
    name: z.string().min(1),
    parentId: entityId.nullable().describe('the unit it is a department (二级单位) of, or null at the top'),
    kind: z.enum(ORGANIZATION_KINDS),
    legalPerson: z.boolean(),
    isRecommender: z.boolean().describe('A7: a recommending unit'),
  }),
});
