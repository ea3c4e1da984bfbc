import { DEADLINE_ENTITIES } from '@tic/deadlines';
import { DirectoryCenter } from '@tic/platform';

import { MajorAchievementReport } from './achievements/major-achievement.entity';
import { Rectification } from './rectifications/rectification.entity';
import { AnnualReport } from './reports/annual-report.entity';
import { EvaluationAgency } from './rounds/evaluation-agency.entity';
import { EvaluationRound } from './rounds/evaluation-round.entity';
import { RoundCenter } from './rounds/round-center.entity';

/** Every table of the evaluations schema (the platform's outbox and inbox are added by ormConfig). */
export const EVALUATIONS_ENTITIES = [
  DirectoryCenter,
  ...DEADLINE_ENTITIES,
  EvaluationRound,
  RoundCenter,
  EvaluationAgency,
  Rectification,
  AnnualReport,
  MajorAchievementReport,
];
