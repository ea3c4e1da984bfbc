import { CheckRoster, ImportPlatformRoster } from '@tic/contracts';

import type { Table } from '../uploads/table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { ROSTER_CHECK_COLUMNS, ROSTER_IMPORT_COLUMNS } from './roster-columns';
import { rosterSheet, withoutRepeats } from './roster-sheet';

const CHECK_ROW = CheckRoster.request.shape.rows.element;
const IMPORT_ROW = ImportPlatformRoster.request.shape.rows.element;
const ID = '21010219600101100X';

const table = (header: string[], ...rows: Table['rows'][number]['cells'][]): Table => ({
  header,
  rows: rows.map((cells, i) => ({ row: i + 1, cells })),
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UnreadableFile) return error.reason.zh;
    throw error;
  }
  throw new Error('expected UnreadableFile');
}

describe('rosterSheet', () => {
  it('finds columns by Chinese or English header, in any order, ignoring others, spaces, marks and notes', () => {
    const sheet = rosterSheet(
      table(['序号', ' 身份证号* ', 'ＮＡＭＥ', '人员类型（固定/流动）'], [1, ID, '张三', '流动人员']),
      ROSTER_CHECK_COLUMNS,
      CHECK_ROW,
      'zh',
    );
    expect(sheet).toEqual({
      rows: [{ row: 1, value: { name: '张三', idNumber: ID, kind: 'floating' } }],
      problems: [],
    });
  });

  it('refuses a file without a required column, naming it; an optional one may be missing', () => {
    expect(refusal(() => rosterSheet(table(['姓名', '人员类型']), ROSTER_CHECK_COLUMNS, CHECK_ROW, 'zh'))).toContain(
      '公民身份号码',
    );
    expect(refusal(() => rosterSheet(table(['姓名', '身份证号']), ROSTER_IMPORT_COLUMNS, IMPORT_ROW, 'zh'))).toContain(
      '起始日期',
    );
    expect(
      rosterSheet(table(['姓名', '身份证号'], ['张三', ID]), ROSTER_CHECK_COLUMNS, CHECK_ROW, 'zh').rows,
    ).toHaveLength(1);
  });

  it('refuses two columns for one field', () => {
    expect(
      refusal(() => rosterSheet(table(['姓名', '身份证号', '公民身份号码']), ROSTER_CHECK_COLUMNS, CHECK_ROW, 'zh')),
    ).toContain('只保留一列');
  });

  it.each([
    ['2027-03-01', '2027-03-01'],
    ['2027/3/1', '2027-03-01'],
    ['2027.3.1', '2027-03-01'],
    ['2027年3月1日', '2027-03-01'],
    ['20270301', '2027-03-01'],
    [new Date(Date.UTC(2027, 2, 1)), '2027-03-01'],
  ])('reads the start date %s', (cell, startsOn) => {
    const sheet = rosterSheet(
      table(['姓名', '身份证号', '起始日期', '角色'], ['张三', ID, cell, '副主任']),
      ROSTER_IMPORT_COLUMNS,
      IMPORT_ROW,
      'en',
    );
    expect(sheet.rows[0]?.value).toMatchObject({ startsOn, role: 'deputy_director' });
  });

  it('reports a line it cannot use by line and field, without the cell, and sends the others', () => {
    const sheet = rosterSheet(
      table(
        ['姓名', '身份证号', '人员类型', '起始日期', '角色'],
        ['张三', ID, ID, '下月', '院长'],
        ['李四', 210102196001011000, '固定', '2027-03-01'],
        ['', ID],
        ['王五', ID],
      ),
      ROSTER_IMPORT_COLUMNS,
      IMPORT_ROW,
      'en',
    );
    expect(sheet.rows.map((r) => r.row)).toEqual([]);
    expect(sheet.problems.map((p) => `${p.row} ${p.path}`)).toEqual([
      '1 kind',
      '1 role',
      '1 startsOn',
      '2 idNumber',
      '3 name',
      '3 startsOn',
      '4 startsOn',
    ]);
    expect(JSON.stringify(sheet.problems)).not.toContain('2101');
  });

  it('reports a number repeated anywhere in the file on its later lines, and sends only the first', () => {
    const other = '210102196001021006';
    const sheet = rosterSheet(
      table(['姓名', '身份证号'], ['张三', ID], ['李四', other], ['王五', ID.toLowerCase()], ['赵六', ID]),
      ROSTER_CHECK_COLUMNS,
      CHECK_ROW,
      'en',
    );
    const checked = withoutRepeats(sheet, 'en');
    expect(checked.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(checked.problems).toEqual([
      { row: 3, path: 'idNumber', message: 'repeats the number on line 1' },
      { row: 4, path: 'idNumber', message: 'repeats the number on line 1' },
    ]);
  });
});
