import { addDays, type Role } from '@tic/domain';

import { call } from '../platform/platform-world';
import { ORGS, today } from '../platform/journey';
import { dstRead, ifMatch, type Probe, unique } from './probe';
import type { MatrixWorld } from './worlds';

const AGREEMENT = {
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '伺服控制方向联合攻关',
  documentRef: 'docs/agreements/matrix',
};

/**
 * A person the owner's supporting unit registers now (and so sees), so that each successful appointment is of
 * someone new.
 */
async function newOwnPerson(m: MatrixWorld): Promise<{ personId: string; idNumber: string }> {
  const idNumber = m.freshIdNumber();
  const reply = await call<{ id: string }>(m.world, 'POST', '/people', {
    token: m.tokens.supporting,
    body: { name: '矩阵访问学者', idNumber, employerOrgId: ORGS.supporting },
  });
  return { personId: reply.body.id, idNumber };
}

/** The owner's unit names the person it sees by id, and one it does not yet see by the number it holds. */
async function ownAppointee(m: MatrixWorld, role: Role): Promise<{ personId: string } | { idNumber: string }> {
  const { personId, idNumber } = await newOwnPerson(m);
  return role === 'supporting_unit' ? { personId } : { idNumber };
}

const committee = (m: MatrixWorld) => `/centers/${m.ids.centerId}/committees/management`;

/** The routes of the personnel service: people, platforms, appointments, committees, compliance, rosters. */
export const PERSONNEL_PROBES: Record<string, Probe> = {
  'GET /api/v1/people': { request: () => ({ path: '/people?limit=100' }), listed: (m) => m.ids.personId },
  'GET /api/v1/people/{id}': { request: (m) => ({ path: `/people/${m.ids.personId}` }) },
  // The foreign side presents the owner's person's number: registering it must reveal nothing.
  'POST /api/v1/people': {
    request: (m, side) => ({
      path: '/people',
      body: {
        name: '矩阵登记人员',
        idNumber: side === 'foreign' ? m.ids.personIdNumber : m.freshIdNumber(),
        employerOrgId: side === 'foreign' ? ORGS.otherConstruction : ORGS.supporting,
      },
    }),
    readBack: (m) => dstRead(m, `/people/${m.ids.personId}`),
  },
  'PUT /api/v1/people/{id}': {
    request: async (m) => ({
      path: `/people/${m.ids.personId}`,
      headers: await ifMatch(m, `/people/${m.ids.personId}`),
      body: { title: unique('研究员') },
    }),
    readBack: (m) => dstRead(m, `/people/${m.ids.personId}`),
  },
  'POST /api/v1/people/{id}/identity-reads': {
    request: (m) => ({ path: `/people/${m.ids.personId}/identity-reads`, body: { reason: '核对备案材料' } }),
    readBack: (m) => dstRead(m, `/identity-reads?personId=${m.ids.personId}`),
  },
  'GET /api/v1/identity-reads': { request: (m) => ({ path: `/identity-reads?personId=${m.ids.personId}` }) },
  'GET /api/v1/platforms': { request: () => ({ path: '/platforms?limit=100' }), listed: (m) => m.ids.centerId },
  'GET /api/v1/platforms/{id}': { request: (m) => ({ path: `/platforms/${m.ids.centerId}` }) },
  'POST /api/v1/platforms': {
    request: () => ({
      path: '/platforms',
      body: {
        name: unique('辽宁省矩阵工程研究中心'),
        kind: 'engineering_research_center',
        supportingUnitId: ORGS.supporting,
      },
    }),
    readBack: (m) => dstRead(m, '/platforms?limit=100'),
  },
  'POST /api/v1/platforms/{id}/roster': {
    request: (m) => ({
      path: `/platforms/${m.ids.labId}/roster`,
      body: { rows: [{ name: '实验室研究员', idNumber: m.freshIdNumber(), kind: 'fixed', startsOn: '2025-03-01' }] },
    }),
    readBack: (m) => dstRead(m, `/appointments?platformId=${m.ids.labId}&limit=100`),
  },
  // The owner appoints someone of its own; the foreign unit tries the owner's person on its own laboratory.
  'POST /api/v1/appointments': {
    request: async (m, side, role) => ({
      path: '/appointments',
      body: {
        platformId: side === 'owner' ? m.ids.centerId : m.ids.foreignLabId,
        ...(side === 'owner' ? await ownAppointee(m, role) : { personId: m.ids.personId }),
        role: 'researcher',
        kind: 'floating',
        agreement: AGREEMENT,
        startsOn: today(),
      },
    }),
    readBack: (m) => dstRead(m, `/appointments?personId=${m.ids.personId}&limit=100`),
  },
  'GET /api/v1/appointments': {
    request: () => ({ path: '/appointments?limit=100' }),
    listed: (m) => m.ids.staffAppointmentId,
  },
  'GET /api/v1/appointments/{id}': { request: (m) => ({ path: `/appointments/${m.ids.staffAppointmentId}` }) },
  'POST /api/v1/appointments/{id}/waivers': {
    request: async (m) => ({
      path: `/appointments/${m.ids.heldAppointmentId}/waivers`,
      headers: await ifMatch(m, `/appointments/${m.ids.heldAppointmentId}`),
      body: { rule: 'A18-one-platform', reason: '兼任期间由依托单位统筹安排' },
    }),
    readBack: (m) => dstRead(m, `/appointments/${m.ids.heldAppointmentId}`),
  },
  'POST /api/v1/appointments/{id}/filing': {
    request: async (m) => ({
      path: `/appointments/${m.ids.directorAppointmentId}/filing`,
      headers: await ifMatch(m, `/appointments/${m.ids.directorAppointmentId}`),
      body: {},
    }),
    readBack: (m) => dstRead(m, `/appointments/${m.ids.directorAppointmentId}`),
  },
  // The owner's two managing units each end an appointment of their own choosing.
  'POST /api/v1/appointments/{id}/end': {
    request: async (m, side, role) => {
      const id =
        side === 'owner' && role === 'construction_unit' ? m.ids.floatingAppointmentId : m.ids.staffAppointmentId;
      return {
        path: `/appointments/${id}/end`,
        headers: await ifMatch(m, `/appointments/${id}`),
        body: { endsOn: addDays(today(), 30), reason: '聘期调整' },
      };
    },
    readBack: (m) => dstRead(m, `/appointments/${m.ids.staffAppointmentId}`),
  },
  'GET /api/v1/centers/{centerId}/committees/{kind}': { request: (m) => ({ path: committee(m) }) },
  'PUT /api/v1/centers/{centerId}/committees/{kind}': {
    request: async (m) => {
      const current = await call<{ version: number }>(m.world, 'GET', committee(m), { token: m.tokens.dst });
      return {
        path: committee(m),
        body: {
          version: current.body.version,
          termStartsOn: today(),
          termEndsOn: addDays(today(), 900),
          members: [{ personId: (await newOwnPerson(m)).personId, isChair: true }],
        },
      };
    },
    readBack: (m) => dstRead(m, committee(m)),
  },
  'POST /api/v1/centers/{centerId}/committees/{kind}/meetings': {
    request: (m) => ({
      path: `${committee(m)}/meetings`,
      body: { heldOn: today(), attendees: 1, minutesRef: unique('docs/minutes/') },
    }),
    readBack: (m) => dstRead(m, committee(m)),
  },
  'GET /api/v1/centers/{centerId}/compliance': { request: (m) => ({ path: `/centers/${m.ids.centerId}/compliance` }) },
  'POST /api/v1/centers/{centerId}/waivers': {
    request: (m) => ({
      path: `/centers/${m.ids.centerId}/waivers`,
      body: { rule: 'A18-fixed-count', reason: '筹建初期固定人员逐步到位' },
    }),
    readBack: (m) => dstRead(m, `/centers/${m.ids.centerId}/compliance`),
  },
  // The foreign recommender checks without naming a platform; the other foreign units name the owner's center.
  'POST /api/v1/roster-checks': {
    request: (m, side, role) => ({
      path: '/roster-checks',
      body: {
        ...(side === 'foreign' && role === 'recommender' ? {} : { platformId: m.ids.centerId }),
        rows: [{ name: '矩阵查重', idNumber: m.ids.personIdNumber }],
      },
    }),
  },
};
