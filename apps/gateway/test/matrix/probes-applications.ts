import { addDays } from '@tic/domain';

import { form, ORGS, today } from '../platform/journey';
import { changeOfDirection } from './owner-changes';
import { dstRead, ifMatch, type Probe, unique } from './probe';

const application = (id: string) => `/applications/${id}`;
const change = (id: string) => `/changes/${id}`;

/** The routes of the applications service: applications, reviews, calls, notices, objections, units, centers. */
export const APPLICATION_PROBES: Record<string, Probe> = {
  'GET /api/v1/applications': { request: () => ({ path: '/applications?limit=100' }), listed: (m) => m.ids.filed.id },
  'GET /api/v1/applications/export': { request: () => ({ path: '/applications/export' }) },
  'GET /api/v1/applications/{id}': { request: (m) => ({ path: application(m.ids.filed.id) }) },
  'GET /api/v1/applications/{id}/review': { request: (m) => ({ path: `${application(m.ids.reviewed.id)}/review` }) },
  'POST /api/v1/applications': {
    request: (m) => ({ path: '/applications', body: form(m.ids.callId) }),
    readBack: (m) => dstRead(m, `/applications?callId=${m.ids.callId}&limit=100`),
  },
  'PUT /api/v1/applications/{id}': {
    request: async (m) => ({
      path: application(m.ids.edited.id),
      headers: await ifMatch(m, application(m.ids.edited.id)),
      body: { ...form(m.ids.callId), fullTimeStaff: 40 },
    }),
    readBack: (m) => dstRead(m, application(m.ids.edited.id)),
  },
  'POST /api/v1/applications/{id}/transitions': {
    request: async (m) => ({
      path: `${application(m.ids.stepped.id)}/transitions`,
      headers: await ifMatch(m, application(m.ids.stepped.id)),
      body: { action: 'submit' },
    }),
    readBack: (m) => dstRead(m, application(m.ids.stepped.id)),
  },
  'POST /api/v1/applications/{id}/co-builders/confirm': {
    request: async (m) => ({
      path: `${application(m.ids.proposing.id)}/co-builders/confirm`,
      headers: await ifMatch(m, application(m.ids.proposing.id)),
      body: {},
    }),
    readBack: (m) => dstRead(m, application(m.ids.proposing.id)),
  },
  'POST /api/v1/applications/{id}/waivers': {
    request: async (m) => ({
      path: `${application(m.ids.waivable.id)}/waivers`,
      headers: await ifMatch(m, application(m.ids.waivable.id)),
      body: { rule: 'A12.3-area', reason: '研发场地由依托单位统一调配' },
    }),
    readBack: (m) => dstRead(m, application(m.ids.waivable.id)),
  },
  'POST /api/v1/applications/{id}/approval': {
    request: async (m) => ({
      path: `${application(m.ids.approvable.id)}/approval`,
      headers: await ifMatch(m, application(m.ids.approvable.id)),
      body: { track: 'formal' },
    }),
    readBack: (m) => dstRead(m, application(m.ids.approvable.id)),
  },
  'POST /api/v1/applications/{id}/review/draw': {
    request: (m) => ({ path: `${application(m.ids.formal.id)}/review/draw`, body: { count: 5, reserves: 2 } }),
    readBack: (m) => dstRead(m, `${application(m.ids.formal.id)}/review`),
  },
  'POST /api/v1/applications/{id}/review/score': {
    request: (m) => ({
      path: `${application(m.ids.reviewed.id)}/review/score`,
      body: { score: 77, opinion: '研究方向明确，建设条件基本具备。' },
    }),
    readBack: (m) => dstRead(m, `${application(m.ids.reviewed.id)}/review`),
  },
  'POST /api/v1/applications/{id}/review/recusal': {
    request: (m) => ({
      path: `${application(m.ids.reviewed.id)}/review/recusal`,
      body: { reason: '与申报单位存在合作关系' },
    }),
    readBack: (m) => dstRead(m, `${application(m.ids.reviewed.id)}/review`),
  },
  'GET /api/v1/calls': { request: () => ({ path: '/calls?limit=100' }), listed: (m) => m.ids.callId },
  'POST /api/v1/calls': {
    request: () => ({
      path: '/calls',
      body: { year: 2027, title: '矩阵申报通知', opensOn: today(), closesOn: addDays(today(), 20) },
    }),
    readBack: (m) => dstRead(m, '/calls?limit=100'),
  },
  'POST /api/v1/notices': {
    request: (m) => ({ path: '/notices', body: { title: '矩阵公示名单', applicationIds: [m.ids.shortlisted.id] } }),
    readBack: (m) => dstRead(m, '/public/notices?includeEnded=true&limit=100'),
  },
  'POST /api/v1/objections': {
    request: (m) => ({
      path: '/objections',
      body: {
        noticeId: m.ids.openNoticeId,
        applicationId: m.ids.noticed.id,
        grounds: '申报材料中研发场地面积与实际不符。',
      },
    }),
    readBack: (m) => dstRead(m, `/objections?noticeId=${m.ids.openNoticeId}`),
  },
  'GET /api/v1/objections': { request: (m) => ({ path: `/objections?noticeId=${m.ids.openNoticeId}` }) },
  'POST /api/v1/objections/{id}/decision': {
    request: (m) => ({
      path: `/objections/${m.ids.objectionId}/decision`,
      body: { upheld: false, comment: '异议理由不成立' },
    }),
    readBack: (m) => dstRead(m, `/objections?noticeId=${m.ids.openNoticeId}`),
  },
  'POST /api/v1/experts': {
    request: () => ({
      path: '/experts',
      body: { userId: unique('matrix-expert-'), name: '矩阵专家', orgId: ORGS.coBuilder, fields: ['智能制造'] },
    }),
    readBack: (m) => dstRead(m, '/experts?limit=100'),
  },
  'GET /api/v1/experts': { request: () => ({ path: '/experts?limit=100' }) },
  'POST /api/v1/organizations': {
    request: () => ({
      path: '/organizations',
      body: { name: unique('矩阵示范科技有限公司'), kind: 'enterprise', legalPerson: true },
    }),
    readBack: (m) => dstRead(m, '/organizations?q=矩阵示范&limit=100'),
  },
  'GET /api/v1/organizations': { request: () => ({ path: '/organizations?limit=100' }), listed: () => ORGS.supporting },
  'GET /api/v1/organizations/{id}': { request: () => ({ path: `/organizations/${ORGS.supporting}` }) },
  'GET /api/v1/organizations/{id}/standing': {
    request: () => ({ path: `/organizations/${ORGS.supporting}/standing` }),
  },
  'POST /api/v1/calendar/years': {
    request: () => ({
      path: '/calendar/years',
      body: { year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: [] },
    }),
    readBack: (m) => dstRead(m, '/calendar/years'),
  },
  'GET /api/v1/calendar/years': { request: () => ({ path: '/calendar/years' }) },
  'GET /api/v1/centers': { request: () => ({ path: '/centers?limit=100' }), listed: (m) => m.ids.centerId },
  'GET /api/v1/centers/{id}': { request: (m) => ({ path: `/centers/${m.ids.centerId}` }) },
  'GET /api/v1/centers/{centerId}/changes': {
    request: (m) => ({ path: `/centers/${m.ids.centerId}/changes?limit=100` }),
    listed: (m) => m.ids.steppedChange.id,
  },
  'GET /api/v1/changes/{id}': { request: (m) => ({ path: change(m.ids.steppedChange.id) }) },
  'POST /api/v1/centers/{centerId}/changes': {
    request: (m) => ({ path: `/centers/${m.ids.centerId}/changes`, body: changeOfDirection('docs/changes/probe') }),
    readBack: (m) => dstRead(m, `/centers/${m.ids.centerId}/changes?limit=100`),
  },
  'PUT /api/v1/changes/{id}': {
    request: async (m) => ({
      path: change(m.ids.editedChange.id),
      headers: await ifMatch(m, change(m.ids.editedChange.id)),
      body: { ...changeOfDirection('docs/changes/matrix-edited'), description: '研究方向调整说明' },
    }),
    readBack: (m) => dstRead(m, change(m.ids.editedChange.id)),
  },
  'POST /api/v1/changes/{id}/transitions': {
    request: async (m) => ({
      path: `${change(m.ids.steppedChange.id)}/transitions`,
      headers: await ifMatch(m, change(m.ids.steppedChange.id)),
      body: { action: 'submit' },
    }),
    readBack: (m) => dstRead(m, change(m.ids.steppedChange.id)),
  },
  'GET /api/v1/events/journal': {
    request: () => ({ path: '/events/journal?limit=500' }),
    listed: (m) => m.ids.submittedEventId,
  },
  'GET /api/v1/events': { request: () => ({ path: '/events?limit=500' }), listed: (m) => m.ids.submittedEventId },
};
