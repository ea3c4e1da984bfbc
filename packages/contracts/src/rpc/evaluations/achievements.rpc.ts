import { z } from 'zod';

import { entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

export const achievementSchema = z.object({
  id: entityId,
  centerId: entityId,
  title: z.string(),
  description: z.string(),
  achievedOn: isoDate.describe('the day the achievement was produced or transferred'),
  reportedOn: isoDate,
  reportedBy: z.string().describe('the name of the supporting unit’s user who reported it'),
  createdAt: instant,
});
export type AchievementDto = z.output<typeof achievementSchema>;

export const ReportAchievement = defineRpc({
  service: 'evaluations',
  operation: 'achievements.report',
  summary:
    'A27: the supporting unit reports a major achievement of its center (重大科技成果的产出及转化) to DST, at any time',
  request: z.object({
    centerId: entityId,
    title: z.string().trim().min(1).max(500),
    description: z.string().trim().min(1).max(10_000),
    achievedOn: isoDate.describe('not after today'),
  }),
  response: achievementSchema,
});

export const ListAchievements = defineRpc({
  service: 'evaluations',
  operation: 'achievements.list',
  summary: 'A27: the major achievements reported of a center, newest first',
  request: z.object({ centerId: entityId, ...pageRequest }),
  response: pageOf(achievementSchema),
});
