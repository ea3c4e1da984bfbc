import { v5 as uuidv5 } from 'uuid';

import type { AssignmentDto, RoundDto } from '@tic/contracts';
import { addDays, DEFAULT_INDICATOR_SYSTEM, indicatorsOf } from '@tic/domain';
import { eventually } from '@tic/testing';

import { call, type PlatformWorld } from '../platform/platform-world';
import { today, type Tokens } from '../platform/journey';
import { succeeded } from './probe';

/**
 * The agency the owner's center is entrusted to. The matrix's owner evaluator belongs to the center's
 * co-building unit, so A29 回避 keeps it from the center: it, like the foreign one, sees none of it.
 */
export const ROUND_AGENCY = uuidv5('matrix 第三方评估机构', '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f');

export const session = {
  on: today(),
  place: '沈阳',
  members: [{ name: '张评审', role: '组长' }],
  findings: '运行规范',
};
export const fullScores = (score: number) =>
  indicatorsOf(DEFAULT_INDICATOR_SYSTEM).map((i) => ({ indicatorKey: i.key, score, evidence: `${i.key}佐证` }));

/** The rounds the routes act on, each holding the owner's center at another stage. */
export interface RoundIds {
  readonly centerId: string;
  /** Open, the center not entrusted yet (DST entrusts it). */
  readonly toEntrust: string;
  /** Open, the center entrusted and assigned (its agency scores, its supporting unit declines). */
  readonly toScore: string;
  readonly toDecline: string;
  /** Open, the center submitted: DST starts grading, grades and publishes. */
  readonly toGrade: string;
}

export const openRoundBody = (centerId: string) => ({
  name: '矩阵评估轮次',
  year: 2026,
  participateBy: addDays(today(), 60),
  thresholds: { excellent: 90, good: 75, basicPass: 60 },
  add: [{ centerId, reason: '省科技厅决定纳入本轮评估' }],
});

export async function ownerRounds(world: PlatformWorld, tokens: Tokens, centerId: string): Promise<RoundIds> {
  const agency = await world.token('evaluator', ROUND_AGENCY, 'matrix-round-agency');
  const open = () =>
    eventually(
      () =>
        succeeded<RoundDto>(
          call(world, 'POST', '/evaluation-rounds', { token: tokens.dst, body: openRoundBody(centerId) }),
        ),
      30_000,
      250,
    );
  const entrusted = async () => {
    const round = await open();
    await succeeded(
      call(world, 'POST', `/evaluation-rounds/${round.id}/entrustments`, {
        token: tokens.dst,
        body: { agencyOrgId: ROUND_AGENCY, centerIds: [centerId] },
      }),
    );
    return round.id;
  };
  const toGrade = await entrusted();
  const path = `/evaluation-rounds/${toGrade}/centers/${centerId}`;
  const before = await succeeded<AssignmentDto>(call(world, 'GET', path, { token: tokens.dst }));
  const scored = await succeeded<AssignmentDto>(
    call(world, 'POST', `${path}/scores`, {
      token: agency,
      body: {
        version: before.version,
        scores: fullScores(85),
        meetingReview: session,
        onSiteInspection: session,
        report: '评估报告',
      },
    }),
  );
  await succeeded(call(world, 'POST', `${path}/submission`, { token: agency, body: { version: scored.version } }));
  return {
    centerId,
    toEntrust: (await open()).id,
    toScore: await entrusted(),
    toDecline: await entrusted(),
    toGrade,
  };
}
