import { z } from 'zod';

import { entityId, isoDate, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

/** A11: DST's annual call for applications with its submission window. */
export const callSchema = z.object({
  id: entityId,
  year: z.number().int(),
  title: z.string(),
  opensOn: isoDate,
  closesOn: isoDate,
  version: z.number().int(),
});
export type CallDto = z.output<typeof callSchema>;

export const OpenCall = defineRpc({
  service: 'applications',
  operation: 'calls.open',
  summary: 'A11: DST opens the annual call; applications are accepted from opensOn to closesOn inclusive',
  request: z
    .object({
      year: z.number().int().min(2026).max(2100),
      title: z.string().trim().min(4).max(200),
      opensOn: isoDate,
      closesOn: isoDate,
    })
    .refine((call) => call.opensOn <= call.closesOn, { path: ['closesOn'], error: 'must not be before opensOn' }),
  response: callSchema,
});

export const ListCalls = defineRpc({
  service: 'applications',
  operation: 'calls.list',
  summary: 'Calls, newest first',
  request: z.object({ ...pageRequest, year: queryYear.optional() }),
  response: pageOf(callSchema),
});
