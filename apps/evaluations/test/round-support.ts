import {
  EntrustAgency,
  GetAssignment,
  GetRound,
  GradeRound,
  OpenRound,
  PublishRound,
  ScoreAssignment,
  StartGrading,
  SubmitAssignment,
} from '@tic/contracts';
import { DEFAULT_INDICATOR_SYSTEM, indicatorsOf } from '@tic/domain';
import type { Caller } from '@tic/platform';

import { CALLERS, type RunningEvaluations } from './harness';

const thresholds = { excellent: 90, good: 75, basicPass: 60 };

/** Opens a round on the service's today for the centers due by `participateBy`; returns its id. */
export async function openRound(
  service: RunningEvaluations,
  input: { name: string; year: number; participateBy: string },
): Promise<string> {
  return (await service.call(OpenRound, { ...input, thresholds }, CALLERS.dst)).id;
}

/**
 * Takes an open round through the whole of A29–A30: `agency` is entrusted with every center, scores each
 * with `score`, and DST grades and publishes the round on the service's today.
 */
export async function scoreAndPublish(
  service: RunningEvaluations,
  roundId: string,
  agency: Caller,
  score: number,
): Promise<void> {
  const centerIds = (await service.call(GetRound, { id: roundId }, CALLERS.dst)).centers.map((c) => c.centerId);
  await service.call(EntrustAgency, { id: roundId, agencyOrgId: agency.orgId, centerIds }, CALLERS.dst);
  const today = service.clock.today();
  const session = { on: today, place: '沈阳', members: [{ name: '张评审', role: '组长' }], findings: '运行规范' };
  const scores = indicatorsOf(DEFAULT_INDICATOR_SYSTEM).map((i) => ({ indicatorKey: i.key, score, evidence: '佐证' }));
  for (const centerId of centerIds) {
    const { version } = await service.call(GetAssignment, { roundId, centerId }, agency);
    const scored = await service.call(
      ScoreAssignment,
      { roundId, centerId, version, scores, meetingReview: session, onSiteInspection: session, report: '评估报告' },
      agency,
    );
    await service.call(SubmitAssignment, { roundId, centerId, version: scored.version }, agency);
  }
  const version = async () => (await service.call(GetRound, { id: roundId }, CALLERS.dst)).version;
  await service.call(StartGrading, { id: roundId, version: await version() }, CALLERS.dst);
  await service.call(GradeRound, { id: roundId, version: await version() }, CALLERS.dst);
  await service.call(PublishRound, { id: roundId, version: await version() }, CALLERS.dst);
}
