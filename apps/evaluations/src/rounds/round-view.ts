import type { EntityManager } from '@mikro-orm/postgresql';

import type { AssignmentDto, RoundCenterDto, RoundDto } from '@tic/contracts';
import { DirectoryCenter, mayAccess, type Caller } from '@tic/platform';

import type { EvaluationRound } from './evaluation-round.entity';
import { roundEntryFacts, seesRoundCenter, WHOLE_ROUND } from './round-access';
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
  const organizer = mayAccess(caller, 'round.organize', WHOLE_ROUND);
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
    capCount: organizer && grading?.ok === true ? grading.capCount : null,
    tieAtCap: organizer && grading?.ok === true ? [...grading.tieAtCap] : [],
    publishedOn: round.publishedOn,
    centers: entries
      .filter((e) => seesRoundCenter(caller, e, directory.get(e.centerId)))
      .map((e) => toRoundCenterDto(e, seesGrading(caller, e, directory.get(e.centerId), round.status))),
  };
}

/**
 * A30: the scores and the grade of a center are DST's and its entrusted agency's until the round is published;
 * after publication the center's own units see them too (they see the entry at all only per round-access.ts).
 */
export function seesGrading(
  caller: Caller,
  entry: RoundCenter,
  center: DirectoryCenter | undefined,
  roundStatus: EvaluationRound['status'],
): boolean {
  return (
    roundStatus === 'published' || mayAccess(caller, 'round.read_unpublished_grading', roundEntryFacts(entry, center))
  );
}

export function toRoundCenterDto(entry: RoundCenter, grading: boolean): RoundCenterDto {
  return {
    centerId: entry.centerId,
    name: entry.centerName,
    basis: entry.basis,
    agencyOrgId: entry.agencyOrgId,
    status: entry.status,
    participateBy: entry.participateBy,
    version: entry.version,
    total: grading ? entry.total : null,
    computedGrade: grading ? entry.computedGrade : null,
    grade: grading ? entry.grade : null,
    overrideReason: grading ? entry.overrideReason : null,
    preparationOutcome: entry.preparationOutcome,
  };
}

export function toAssignmentDto(entry: RoundCenter, grading: boolean): AssignmentDto {
  return {
    ...toRoundCenterDto(entry, grading),
    roundId: entry.roundId,
    scores: grading ? entry.scores : [],
    meetingReview: entry.meetingReview,
    onSiteInspection: entry.onSiteInspection,
    report: grading ? entry.report : null,
    declineReason: entry.declineReason,
  };
}
