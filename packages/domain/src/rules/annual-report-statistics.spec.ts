import {
  checkAnnualReportStatistics,
  MAJOR_ACHIEVEMENT_COLUMNS,
  STATISTICS_COLUMNS,
  type AnnualReportStatistics,
} from './annual-report-statistics';

const valid: AnnualReportStatistics = {
  rdSpendingFen: 1_250_000_00,
  fixedStaff: 24,
  floatingStaff: 6,
  patentsGranted: 12,
  inventionPatentsGranted: 5,
  standardsDrafted: 2,
  transferContracts: 3,
  transferIncomeFen: 80_000_00,
  incubatedFirms: 1,
  instrumentsShared: 8,
  sharingHours: 1520.5,
  majorAchievements: [{ title: '高端轴承钢关键技术', description: '突破……' }],
};

describe('the statistics table of the annual report (A27)', () => {
  it('A27: a complete table passes; committee meetings may be left to the registry', () => {
    expect(checkAnnualReportStatistics(valid)).toEqual({ errors: [] });
  });

  it.each([
    ['fixedStaff', -1, 'fixedStaff'],
    ['floatingStaff', 1.5, 'floatingStaff'],
    ['rdSpendingFen', 100.5, 'rdSpendingFen'],
    ['sharingHours', Number.NaN, 'sharingHours'],
    ['managementCommitteeMeetings', -2, 'managementCommitteeMeetings'],
  ] as const)('A27: %s = %d is refused with its path', (key, value, path) => {
    const { errors } = checkAnnualReportStatistics({ ...valid, [key]: value });
    expect(errors).toEqual([expect.objectContaining({ path })]);
    expect(errors[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('A27: invention patents are counted within the patents granted', () => {
    expect(checkAnnualReportStatistics({ ...valid, inventionPatentsGranted: 12 }).errors).toEqual([]);
    expect(checkAnnualReportStatistics({ ...valid, inventionPatentsGranted: 13 }).errors).toEqual([
      {
        path: 'inventionPatentsGranted',
        message: expect.objectContaining({ en: 'Invention patents (13) cannot exceed patents granted (12)' }),
      },
    ]);
  });

  it('A27: a major achievement needs a title and a description', () => {
    const { errors } = checkAnnualReportStatistics({
      ...valid,
      majorAchievements: [...valid.majorAchievements, { title: ' ', description: '' }],
    });
    expect(errors.map((e) => e.path)).toEqual(['majorAchievements[1].title', 'majorAchievements[1].description']);
  });

  it('A27, A35: the performance targets are not part of the table the units type (the funds section is)', () => {
    const typed = { ...valid, performanceTargets: [{ indicator: '指标', unit: '件', target: 5, achieved: 3 }] };
    expect(checkAnnualReportStatistics(typed)).toEqual({ errors: [] });
    expect(STATISTICS_COLUMNS.map((c) => c.key)).not.toContain('performanceTargets');
  });

  it('lists every field once, with both labels, so a template can be generated and read back', () => {
    for (const columns of [STATISTICS_COLUMNS, MAJOR_ACHIEVEMENT_COLUMNS]) {
      const keys = columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of columns) expect(c.label.zh && c.label.en).toBeTruthy();
    }
    const scalarKeys = Object.keys(valid).filter((k) => k !== 'majorAchievements');
    expect(STATISTICS_COLUMNS.filter((c) => c.optional !== true).map((c) => c.key)).toEqual(scalarKeys);
  });
});
