import type { EntityManager } from '@mikro-orm/postgresql';

import type { AssignmentDto, RoundCenterDto, RoundDto } from '@tic/contracts';
import { DirectoryCenter, type Caller } from '@tic/platform';

import type { EvaluationRound } from './evaluation-round.entity';
import { seesRoundCenter } from './round-access';
import { RoundCenter } from './round-center.entity';
import { gradingOf } from './round-grading-input';

export const ROUND_AGGREGATE = 'evaluation_round';
export const ASSIGNMENT_AGGREGATE = 'evaluation_assignment';

/** The centers of the round by id, as the directory holds them. */
export async function directoryOf(
  em: EntityManager,
  centerIds: readonly string[],
): Promise<Map<string, DirectoryCenter>> {
  const rows = await em.find(DirectoryCenter, { id: { $in: [...centerIds] } });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The round as the caller sees it: its centers filtered by who sees what (round-access.ts). */
export async function toRoundDto(em: EntityManager, round: EvaluationRound, caller: Caller): Promise<RoundDto> {
  const entries = await em.find(RoundCenter, { roundId: round.id }, { orderBy: { centerName: 'asc' } });
  const directory = await directoryOf(
    em,
    entries.map((e) => e.centerId),
  );
  const grading = round.status === 'grading' ? gradingOf(round, entries) : undefined;
  return {
    id: round.id,
    version: round.version,
    name: round.name,
    year: round.year,
    status: round.status,
    participateBy: round.participateBy,
    indicatorSystem: round.indicatorSystem as RoundDto['indicatorSystem'],
    thresholds: round.thresholds,
    excellentCapShare: round.excellentCapShare,
    capCount: grading?.ok === true ? grading.capCount : null,
    tieAtCap: grading?.ok === true ? [...grading.tieAtCap] : [],
    publishedOn: round.publishedOn,
    centers: entries.filter((e) => seesRoundCenter(caller, e, directory.get(e.centerId))).map(toRoundCenterDto),
  };
}

export function toRoundCenterDto(entry: RoundCenter): RoundCenterDto {
  return {
    centerId: entry.centerId,
    name: entry.centerName,
    basis: entry.basis,
    agencyOrgId: entry.agencyOrgId,
    status: entry.status,
    participateBy: entry.participateBy,
    version: entry.version,
    total: entry.total,
    computedGrade: entry.computedGrade,
    grade: entry.grade,
    overrideReason: entry.overrideReason,
    preparationOutcome: entry.preparationOutcome,
  };
}

export function toAssignmentDto(entry: RoundCenter): AssignmentDto {
  return {
    ...toRoundCenterDto(entry),
    roundId: entry.roundId,
    scores: entry.scores,
    meetingReview: entry.meetingReview,
    onSiteInspection: entry.onSiteInspection,
    report: entry.report,
    declineReason: entry.declineReason,
  };
}
