import { dstRead, ifMatch, type Probe } from './probe';
import { fullScores, openRoundBody, type RoundIds, ROUND_AGENCY, session } from './owner-rounds';
import type { MatrixWorld } from './worlds';

const round = (id: string) => `/evaluation-rounds/${id}`;
const assignment = (m: MatrixWorld, pick: (ids: RoundIds) => string) =>
  `${round(pick(m.rounds))}/centers/${m.rounds.centerId}`;

/** A versioned step on the owner's center in a round, with DST's read-back of it. */
const centerStep = (pick: (ids: RoundIds) => string, step: string, body: Record<string, unknown>): Probe => ({
  request: async (m) => ({
    path: `${assignment(m, pick)}/${step}`,
    headers: await ifMatch(m, assignment(m, pick)),
    body,
  }),
  readBack: (m) => dstRead(m, assignment(m, pick)),
});

/** A versioned step of DST on a round. */
const roundStep = (step: string, body: Record<string, unknown> = {}): Probe => ({
  request: async (m) => ({
    path: `${round(m.rounds.toGrade)}/${step}`,
    headers: await ifMatch(m, round(m.rounds.toGrade)),
    body,
  }),
  readBack: (m) => dstRead(m, round(m.rounds.toGrade)),
});

/** The routes of evaluation rounds (A28–A30). */
export const ROUND_PROBES: Record<string, Probe> = {
  'POST /api/v1/evaluation-rounds': {
    request: (m) => ({ path: '/evaluation-rounds', body: openRoundBody(m.rounds.centerId) }),
  },
  'GET /api/v1/evaluation-rounds': {
    request: () => ({ path: '/evaluation-rounds?limit=200' }),
    listed: (m) => m.rounds.toScore,
  },
  'GET /api/v1/evaluation-rounds/statistics': { request: () => ({ path: '/evaluation-rounds/statistics' }) },
  'PUT /api/v1/evaluation-rounds/agency-relations': {
    request: () => ({ path: '/evaluation-rounds/agency-relations', body: { relatedOrgIds: [] } }),
  },
  'GET /api/v1/evaluation-rounds/{id}': { request: (m) => ({ path: round(m.rounds.toScore) }) },
  'GET /api/v1/evaluation-rounds/{roundId}/centers/{centerId}': {
    request: (m) => ({ path: assignment(m, (ids) => ids.toScore) }),
  },
  'GET /api/v1/evaluation-rounds/{id}/scores': { request: (m) => ({ path: `${round(m.rounds.toGrade)}/scores` }) },
  'POST /api/v1/evaluation-rounds/{id}/entrustments': {
    request: (m) => ({
      path: `${round(m.rounds.toEntrust)}/entrustments`,
      body: { agencyOrgId: ROUND_AGENCY, centerIds: [m.rounds.centerId] },
    }),
    readBack: (m) => dstRead(m, round(m.rounds.toEntrust)),
  },
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/scores': centerStep((ids) => ids.toScore, 'scores', {
    scores: fullScores(80),
    meetingReview: session,
    onSiteInspection: session,
    report: '评估报告',
  }),
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/submission': centerStep(
    (ids) => ids.toScore,
    'submission',
    {},
  ),
  'POST /api/v1/evaluation-rounds/{roundId}/centers/{centerId}/decline': centerStep((ids) => ids.toDecline, 'decline', {
    reason: '中心正在重组，申请不参加本轮评估',
  }),
  'GET /api/v1/centers/{centerId}/evaluations': {
    request: (m) => ({ path: `/centers/${m.rounds.centerId}/evaluations` }),
  },
  'POST /api/v1/evaluation-rounds/{id}/grading': roundStep('grading'),
  'POST /api/v1/evaluation-rounds/{id}/grades': roundStep('grades'),
  'POST /api/v1/evaluation-rounds/{id}/publication': roundStep('publication'),
};
