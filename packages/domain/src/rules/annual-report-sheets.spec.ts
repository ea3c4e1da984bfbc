import { MAJOR_ACHIEVEMENT_COLUMNS, STATISTICS_COLUMNS } from './annual-report-statistics';
import { columnLetter, readStatisticsSheets, type SheetCell, type StatisticsSheet } from './annual-report-sheets';

const mainHeader = STATISTICS_COLUMNS.map((c) => c.label.zh);
const goodMain: SheetCell[] = [123456, 10, 4, 3, 1, 2, 1, 500000, 1, 6, 120.5, null, null];

function workbook(main: SheetCell[], achievements: SheetCell[][] = []): StatisticsSheet[] {
  return [
    { name: '年度统计', header: mainHeader, rows: [{ row: 2, cells: main }] },
    {
      name: '重大成果',
      header: MAJOR_ACHIEVEMENT_COLUMNS.map((c) => c.label.zh),
      rows: achievements.map((cells, i) => ({ row: i + 2, cells })),
    },
  ];
}

describe('readStatisticsSheets (A27 template)', () => {
  it('reads a filled-in template into the table, optional columns left out when blank', () => {
    const reading = readStatisticsSheets(workbook(goodMain, [['新型催化剂', '实现产业化']]));
    expect(reading).toEqual({
      ok: true,
      statistics: expect.objectContaining({
        rdSpendingFen: 123456,
        sharingHours: 120.5,
        majorAchievements: [{ title: '新型催化剂', description: '实现产业化' }],
      }),
    });
    if (reading.ok) expect(reading.statistics).not.toHaveProperty('managementCommitteeMeetings');
  });

  it('A35: an old template’s performance-targets sheet is left unread (the funds section comes from the funding service)', () => {
    const old = [
      ...workbook(goodMain),
      {
        name: '绩效目标',
        header: ['绩效指标', '计量单位', '目标值', '完成值'],
        rows: [{ row: 2, cells: ['论文', '篇', 'x', 8] }],
      },
    ];
    const reading = readStatisticsSheets(old);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.statistics).not.toHaveProperty('performanceTargets');
  });

  it('names every bad cell by sheet, row and column, each once', () => {
    const main = [...goodMain];
    main[0] = 'abc';
    main[1] = -1;
    main[4] = 9; // more invention patents than patents
    const reading = readStatisticsSheets(workbook(main, [['', '实现产业化']]));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.map((e) => `${e.sheet}!${e.column}${e.row}:${e.field}`)).toEqual([
      '年度统计!A2:rdSpendingFen',
      '年度统计!B2:fixedStaff',
      '年度统计!E2:inventionPatentsGranted',
      '重大成果!A2:title',
    ]);
  });

  it('refuses a workbook without the template’s sheets or a required column', () => {
    const reading = readStatisticsSheets([
      { name: '年度统计', header: mainHeader.slice(1), rows: [{ row: 2, cells: goodMain.slice(1) }] },
    ]);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.map((e) => `${e.sheet}:${e.field}`)).toEqual(expect.arrayContaining(['重大成果:statistics']));
  });

  it('writes column letters as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});
