import { STATISTICS_SHEETS } from '@tic/domain';

import { achievement, REPORT_YEARS, reportStatistics } from './owner-reports';
import { dstRead, ifMatch, type Probe } from './probe';

const report = (id: string) => `/annual-reports/${id}`;

// The template's sheets as the gateway sends a read workbook on: the owner's table on the first, no lines on the others.
const statisticsSheets = STATISTICS_SHEETS.map(({ key, name, columns }) => ({
  name,
  header: columns.map((c) => c.label.zh),
  rows:
    key === 'main'
      ? [{ row: 2, cells: columns.map((c) => (reportStatistics as Record<string, unknown>)[c.key] ?? null) }]
      : [],
}));

/** The routes of annual reports (A27). */
export const REPORT_PROBES: Record<string, Probe> = {
  'GET /api/v1/annual-reports': {
    request: () => ({ path: '/annual-reports?limit=200' }),
    listed: (m) => m.reports.edited.id,
  },
  'GET /api/v1/annual-reports/{id}': { request: (m) => ({ path: report(m.reports.edited.id) }) },
  'POST /api/v1/annual-reports': {
    request: (m) => ({
      path: '/annual-reports',
      body: { centerId: m.reports.centerId, reportYear: REPORT_YEARS.probed, statistics: reportStatistics },
    }),
    readBack: (m) => dstRead(m, `/annual-reports?centerId=${m.reports.centerId}&limit=200`),
  },
  'PUT /api/v1/annual-reports/{id}': {
    request: async (m) => ({
      path: report(m.reports.edited.id),
      headers: await ifMatch(m, report(m.reports.edited.id)),
      body: { narrative: '修订后的年度运行报告' },
    }),
    readBack: (m) => dstRead(m, report(m.reports.edited.id)),
  },
  'GET /api/v1/annual-reports/{id}/statistics.xlsx': {
    request: (m) => ({ path: `${report(m.reports.edited.id)}/statistics.xlsx` }),
  },
  'PUT /api/v1/annual-reports/{id}/statistics': {
    request: async (m) => ({
      path: `${report(m.reports.edited.id)}/statistics`,
      headers: await ifMatch(m, report(m.reports.edited.id)),
      body: { sheets: statisticsSheets },
    }),
    readBack: (m) => dstRead(m, report(m.reports.edited.id)),
  },
  'POST /api/v1/annual-reports/{id}/personnel-check': {
    request: async (m) => ({
      path: `${report(m.reports.edited.id)}/personnel-check`,
      headers: await ifMatch(m, report(m.reports.edited.id)),
      body: { people: [{ name: '年报人员', idNumber: m.freshIdNumber(), kind: 'fixed' }] },
    }),
    readBack: (m) => dstRead(m, report(m.reports.edited.id)),
  },
  'POST /api/v1/annual-reports/{id}/transitions': {
    request: async (m) => ({
      path: `${report(m.reports.stepped.id)}/transitions`,
      headers: await ifMatch(m, report(m.reports.stepped.id)),
      body: { action: 'submit' },
    }),
    readBack: (m) => dstRead(m, report(m.reports.stepped.id)),
  },
  'GET /api/v1/centers/{centerId}/achievements': {
    request: (m) => ({ path: `/centers/${m.reports.centerId}/achievements?limit=200` }),
    listed: (m) => m.reports.achievementId,
  },
  'POST /api/v1/centers/{centerId}/achievements': {
    request: (m) => ({ path: `/centers/${m.reports.centerId}/achievements`, body: achievement }),
    readBack: (m) => dstRead(m, `/centers/${m.reports.centerId}/achievements?limit=200`),
  },
};
