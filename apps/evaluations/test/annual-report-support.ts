import type { ReportStatisticsDto } from '@tic/contracts';

/** A statistics table as a construction unit fills it in (DOMAIN.md §7), money in fen. */
export function statistics(overrides: Partial<ReportStatisticsDto> = {}): ReportStatisticsDto {
  return {
    rdSpendingFen: 1_250_000_000,
    fixedStaff: 48,
    floatingStaff: 22,
    patentsGranted: 17,
    inventionPatentsGranted: 9,
    standardsDrafted: 2,
    transferContracts: 6,
    transferIncomeFen: 380_000_000,
    incubatedFirms: 1,
    instrumentsShared: 35,
    sharingHours: 4200.5,
    // Given by the construction unit: the personnel registry is not running here (the end-to-end test reads it).
    managementCommitteeMeetings: 2,
    advisoryCommitteeMeetings: 1,
    majorAchievements: [{ title: '大型数控机床关键部件国产化', description: '实现五轴联动主轴国产替代' }],
    ...overrides,
  };
}
