import { z } from 'zod';

import { FUNDING_SOURCES } from '@tic/domain';

import { entityId, instant, queryYear } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { fen } from './money';

export const fundingSourceSchema = z.enum(FUNDING_SOURCES);

export const sourceLineSchema = z.object({
  source: fundingSourceSchema,
  amountFen: fen,
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instant,
});

export const centerSourcesSchema = z.object({
  centerId: entityId,
  year: z.number().int(),
  lines: z.array(sourceLineSchema).describe('one per source recorded; provincial is the sum of the year’s allocations'),
  totalFen: fen,
});
export type CenterSourcesDto = z.output<typeof centerSourcesSchema>;

export const RecordFundingSources = defineRpc({
  service: 'funding',
  operation: 'sources.record',
  summary:
    'A32: the supporting unit records the year’s funding of its center by source (all but provincial, which is the allocations)',
  request: z.object({
    centerId: entityId,
    year: z.number().int().min(2000).max(2100),
    lines: z
      .array(
        z.object({
          source: fundingSourceSchema,
          amountFen: fen,
          note: z.string().trim().max(500).optional(),
        }),
      )
      .min(1)
      .max(8)
      .describe('each source at most once; a source recorded again replaces its earlier figure'),
  }),
  response: centerSourcesSchema,
});

export const GetFundingSources = defineRpc({
  service: 'funding',
  operation: 'sources.get',
  summary: 'A32: a center’s funding by source for one year',
  request: z.object({ centerId: entityId, year: queryYear }),
  response: centerSourcesSchema,
});
