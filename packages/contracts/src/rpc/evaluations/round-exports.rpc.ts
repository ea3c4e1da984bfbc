import { z } from 'zod';

import { entityId } from '../../schemas';
import { defineRpc } from '../define-rpc';

export const ExportRoundScores = defineRpc({
  service: 'evaluations',
  operation: 'rounds.scores_export',
  summary: 'For DST: a round’s scores as an Excel workbook, one row per center: each indicator, the total, the grade',
  request: z.object({ id: entityId }),
  response: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
});
