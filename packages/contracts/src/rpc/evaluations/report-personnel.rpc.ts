import { z } from 'zod';

import { entityId } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion } from '../paging';
import { rosterRowSchema } from '../personnel/platforms.rpc';
import { annualReportSchema } from './reports.rpc';

export const CheckReportPersonnel = defineRpc({
  service: 'evaluations',
  operation: 'reports.personnel_check',
  summary:
    'A27, A18: the construction unit gives a draft report’s personnel list; the personnel registry checks it (roster.check, as the caller) and the report keeps the masked list and the conflicts for its reviewers',
  request: z.object({
    id: entityId,
    version: expectedVersion,
    people: z.array(rosterRowSchema).min(1).max(500),
  }),
  response: annualReportSchema,
});
