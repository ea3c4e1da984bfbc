import { addDays } from '@tic/domain';

import { today } from '../platform/journey';
import type { RevocationIds } from './owner-revocation';
import { FOREIGN_ORGS } from './worlds';
import { dstRead, ifMatch, type Probe } from './probe';

const revocation = (id: string) => `/revocations/${id}`;
const center = (id: string) => `/centers/${id}`;

/** A versioned step on a case, with DST's read-back of it. */
const caseStep = (pick: (ids: RevocationIds) => string, step: string, body: unknown): Probe => ({
  request: async (m) => ({
    path: `${revocation(pick(m.revocation))}/${step}`,
    headers: await ifMatch(m, revocation(pick(m.revocation))),
    body,
  }),
  readBack: (m) => dstRead(m, revocation(pick(m.revocation))),
});

/** The routes of a center's standing: revocation cases (A31), graduation (A33), the end of preparation (A12). */
export const REVOCATION_PROBES: Record<string, Probe> = {
  'GET /api/v1/revocations': {
    request: () => ({ path: '/revocations?limit=200' }),
    listed: (m) => m.revocation.toAnswer,
  },
  'GET /api/v1/revocations/{id}': { request: (m) => ({ path: revocation(m.revocation.toAnswer) }) },
  'POST /api/v1/revocations': {
    request: (m) => ({
      path: '/revocations',
      body: {
        centerId: m.revocation.centerId,
        grounds: [8],
        statement: '该中心依托单位受到重大行政处罚。',
        evidence: [{ ref: '行政处罚决定书', description: '重大处罚' }],
        answerBy: addDays(today(), 20),
      },
    }),
    readBack: (m) => dstRead(m, `/revocations?centerId=${m.revocation.centerId}&limit=200`),
  },
  'POST /api/v1/centers/{id}/give-up': {
    request: (m) => ({
      path: `${center(m.revocation.centerId)}/give-up`,
      body: { statement: '依托单位申请放弃辽宁省技术创新中心资格。' },
    }),
    readBack: (m) => dstRead(m, `/revocations?centerId=${m.revocation.centerId}&limit=200`),
  },
  'POST /api/v1/revocations/{id}/answer-period': caseStep((ids) => ids.toAnswer, 'answer-period', {
    answerBy: addDays(today(), 25),
    reason: '依托单位申请延长陈述期限。',
  }),
  'POST /api/v1/revocations/{id}/answer': caseStep((ids) => ids.toAnswer, 'answer', {
    statement: '相关情形已整改完毕，请予考虑。',
  }),
  'POST /api/v1/revocations/{id}/confirm': caseStep((ids) => ids.toConfirm, 'confirm', {
    answerBy: addDays(today(), 15),
  }),
  'POST /api/v1/revocations/{id}/dismiss': caseStep((ids) => ids.toDismiss, 'dismiss', {
    reason: '年度报告因系统故障延迟提交，理由正当。',
  }),
  'POST /api/v1/revocations/{id}/decide': caseStep((ids) => ids.toDecide, 'decide', {
    outcome: 'revoke',
    reason: '经核查情形属实，依据第三十一条撤销。',
  }),
  'POST /api/v1/revocations/{id}/filing': caseStep((ids) => ids.toDecide, 'filing', {
    documentRef: '辽科发〔2026〕88号',
  }),
  'POST /api/v1/centers/{id}/preparation-end': {
    request: async (m) => ({
      path: `${center(m.revocation.preparingId)}/preparation-end`,
      headers: await ifMatch(m, center(m.revocation.preparingId)),
      body: { outcome: 'operating', decidedOn: today(), reason: '筹建期评估符合建设条件' },
    }),
    readBack: (m) => dstRead(m, center(m.revocation.preparingId)),
  },
  'POST /api/v1/centers/{id}/graduation': {
    request: async (m) => ({
      path: `${center(m.revocation.preparingId)}/graduation`,
      headers: await ifMatch(m, center(m.revocation.preparingId)),
      body: { nationalPlatform: '国家技术创新中心', graduatedOn: today() },
    }),
    readBack: (m) => dstRead(m, center(m.revocation.preparingId)),
  },
  'POST /api/v1/centers/existing': {
    request: () => ({
      path: '/centers/existing',
      body: {
        field: { zh: '存量登记矩阵', en: 'Registered Matrix' },
        track: 'formal',
        supportingUnitId: FOREIGN_ORGS.supporting,
        constructionUnitId: FOREIGN_ORGS.construction,
        approvedOn: '2023-12-20',
        approvalDocument: '辽科发〔2023〕40号',
      },
    }),
    readBack: (m) => dstRead(m, '/centers?limit=200'),
  },
};
