import type { Role } from '@tic/domain';

import type { RectificationIds } from './owner-rectification';
import { dstRead, ifMatch, type Probe } from './probe';

const rectification = (id: string) => `/rectifications/${id}`;

/** A versioned step on one of the owner's rectifications, with DST's read-back of it. */
const step = (pick: (ids: RectificationIds) => string, path: string, body: unknown): Probe => ({
  request: async (m) => ({
    path: `${rectification(pick(m.rectification))}/${path}`,
    headers: await ifMatch(m, rectification(pick(m.rectification))),
    body,
  }),
  readBack: (m) => dstRead(m, rectification(pick(m.rectification))),
});

// Each unit takes the step that is its own: the request, the supporting unit's pass, the recommender's.
const TRANSITIONS: Partial<Record<Role, { pick: (ids: RectificationIds) => string; action: string }>> = {
  construction_unit: { pick: (ids) => ids.toWrite, action: 'request_acceptance' },
  supporting_unit: { pick: (ids) => ids.toPass, action: 'pass' },
  recommender: { pick: (ids) => ids.toConsent, action: 'pass' },
};

/** The routes of a rectification and its acceptance (A30). */
export const RECTIFICATION_PROBES: Record<string, Probe> = {
  'GET /api/v1/rectifications': {
    request: () => ({ path: '/rectifications?limit=200' }),
    listed: (m) => m.rectification.toDecide,
  },
  'GET /api/v1/rectifications/{id}': { request: (m) => ({ path: rectification(m.rectification.toDecide) }) },
  'PUT /api/v1/rectifications/{id}/request': step((ids) => ids.toWrite, 'request', {
    rectified: '完善研发投入统计和成果转化制度，补齐管理委员会会议记录。',
    evidence: [{ ref: 'docs/rectification/matrix-request.pdf', description: '整改报告' }],
  }),
  'POST /api/v1/rectifications/{id}/transitions': {
    request: async (m, _side, role) => {
      const { pick, action } = TRANSITIONS[role] ?? { pick: (ids: RectificationIds) => ids.toWrite, action: 'pass' };
      const id = pick(m.rectification);
      return {
        path: `${rectification(id)}/transitions`,
        headers: await ifMatch(m, rectification(id)),
        body: { action },
      };
    },
    readBack: (m) => dstRead(m, '/rectifications?limit=200'),
  },
  'POST /api/v1/rectifications/{id}/experts': step((ids) => ids.toDraw, 'experts', { count: 3 }),
  'POST /api/v1/rectifications/{id}/scores': {
    request: (m) => ({
      path: `${rectification(m.rectification.toDecide)}/scores`,
      body: { score: 80, opinion: '整改措施到位' },
    }),
    readBack: (m) => dstRead(m, rectification(m.rectification.toDecide)),
  },
  'POST /api/v1/rectifications/{id}/decision': step((ids) => ids.toDecide, 'decision', {
    passed: true,
    reason: '专家认为整改到位',
  }),
};
