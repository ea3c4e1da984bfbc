import { z } from 'zod';

import { PROBLEM_CODES } from '../http/problem-codes';

/** RFC 9457 problem details as the gateway renders them, for the OpenAPI document. */
export const problemSchema = z.object({
  type: z.string().describe(`a URI per code; the code is one of: ${PROBLEM_CODES.join(', ')}`),
  title: z.string(),
  status: z.number().int(),
  code: z
    .string()
    .describe(
      'a stable code to switch on while the wording changes, e.g. appointment.already_ended (CONTRACT.md); otherwise the category of the type URI',
    ),
  detail: z.string(),
  instance: z.string().describe('the request path'),
  correlationId: z.string().describe('also in the x-correlation-id response header and every log line'),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('invalid fields'),
  rule: z.string().optional().describe('the rule of the measures, e.g. A12.1-province'),
  article: z.string().optional().describe('its article, e.g. 第十二条第（一）项'),
});
