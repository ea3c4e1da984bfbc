import type { AnnualReportDto } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { call, type PlatformWorld } from '../platform/platform-world';
import type { Tokens } from '../platform/journey';
import { succeeded } from './probe';

/** A27: the owner's annual reports the routes act on: a draft to edit, one to submit; the probe drafts a third year. */
export interface ReportIds {
  readonly centerId: string;
  readonly edited: AnnualReportDto;
  readonly stepped: AnnualReportDto;
  /** A major achievement the supporting unit reported of the center. */
  readonly achievementId: string;
}

/** The years of the owner's reports: one per center and year (A27). */
export const REPORT_YEARS = { edited: 2025, stepped: 2024, probed: 2023 } as const;

/** A statistics table as the construction unit fills it in (DOMAIN.md §7). */
export const reportStatistics = {
  rdSpendingFen: 980_000_000,
  fixedStaff: 40,
  floatingStaff: 15,
  patentsGranted: 12,
  inventionPatentsGranted: 5,
  standardsDrafted: 1,
  transferContracts: 4,
  transferIncomeFen: 120_000_000,
  incubatedFirms: 1,
  instrumentsShared: 20,
  sharingHours: 1800,
  majorAchievements: [],
};

/** A27: a major achievement as the supporting unit reports it. */
export const achievement = {
  title: '五轴联动数控机床主轴实现国产化',
  description: '关键部件完成验证并在省内三家企业应用。',
  achievedOn: '2026-01-15',
};

/** The owner center's reports, once the evaluations service holds the center in its directory. */
export async function ownerReports(world: PlatformWorld, tokens: Tokens, centerId: string): Promise<ReportIds> {
  const draft = (reportYear: number) =>
    succeeded<AnnualReportDto>(
      call(world, 'POST', '/annual-reports', {
        token: tokens.construction,
        body: { centerId, reportYear, narrative: `${reportYear}年度运行报告`, statistics: reportStatistics },
      }),
    );
  // The center reaches the evaluations service's directory by its event, a moment after it is established.
  const edited = await eventually(() => draft(REPORT_YEARS.edited), 20_000, 200);
  const reported = await succeeded<{ id: string }>(
    call(world, 'POST', `/centers/${centerId}/achievements`, { token: tokens.supporting, body: achievement }),
  );
  return { centerId, edited, stepped: await draft(REPORT_YEARS.stepped), achievementId: reported.id };
}
