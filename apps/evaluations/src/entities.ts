import { DEADLINE_ENTITIES } from '@tic/deadlines';
import { DirectoryCenter } from '@tic/platform';

import { MajorAchievementReport } from './achievements/major-achievement.entity';
import { AnnualReport } from './reports/annual-report.entity';

/** Every table of the evaluations schema (the platform's outbox and inbox are added by ormConfig). */
export const EVALUATIONS_ENTITIES = [DirectoryCenter, ...DEADLINE_ENTITIES, AnnualReport, MajorAchievementReport];
