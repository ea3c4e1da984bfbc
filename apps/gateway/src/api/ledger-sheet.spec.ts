import { ledgerImportRowSchema } from '@tic/contracts';

import type { Table } from '../uploads/table';
import { UnreadableFile } from '../uploads/unreadable-file';
import { ledgerSheet } from './ledger-sheet';

const HEADER = ['支出日期', '金额（元）', '支出类别', '收款方', '凭证号', '政府采购', '国有资产', '备注'];

const table = (header: string[], ...rows: Table['rows'][number]['cells'][]): Table => ({
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('ledgerSheet (A36: an expenditure workbook read into the import’s rows)', () => {
  it('reads Chinese headers into rows the import RPC takes, numbered as the spreadsheet shows', () => {
    const sheet = ledgerSheet(
      table(HEADER, [new Date(Date.UTC(2026, 5, 1)), 1200.5, '业务费', '沈阳会务公司', 3021, true, false, undefined]),
      'zh',
    );
    expect(sheet).toEqual({
      rows: [
        {
          row: 2,
          spentOn: '2026-06-01',
          amountYuan: '1200.5',
          category: '业务费',
          payee: '沈阳会务公司',
          voucherRef: '3021',
          procurement: 'yes',
          stateAsset: 'no',
          note: '',
        },
      ],
      problems: [],
    });
    expect(ledgerImportRowSchema.array().safeParse(sheet.rows).success).toBe(true);
  });

  it('takes English codes and leaves optional columns out as empty', () => {
    const sheet = ledgerSheet(
      table(
        ['amountYuan', 'spentOn', 'category', 'payee', 'voucherRef'],
        ['99.99', '2026-06-03', 'business', 'A', 'V'],
      ),
      'en',
    );
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        amountYuan: '99.99',
        spentOn: '2026-06-03',
        procurement: '',
        stateAsset: '',
        note: '',
      }),
    ]);
  });

  it('names by row and field a cell no text can stand for, and sends none of that line', () => {
    const sheet = ledgerSheet(
      table(
        HEADER,
        ['2026-06-01', new Date(Date.UTC(2026, 5, 1)), '业务费', 'A', 'V1'],
        ['2026-06-02', '10', '业务费', 'B', 'V2'],
      ),
      'zh',
    );
    expect(sheet.rows.map((r) => r.row)).toEqual([3]);
    expect(sheet.problems).toEqual([{ row: 2, field: 'amountYuan', message: '须为以元计的金额，例如 12345.60' }]);
  });

  it.each([
    ['a required column missing', ['支出日期', '金额（元）', '支出类别', '收款方'], '凭证号'],
    ['a column twice', [...HEADER, 'amountYuan'], '只保留一列'],
  ])('refuses the file with %s', (_, header, named) => {
    let reason = '';
    try {
      ledgerSheet(table(header), 'zh');
    } catch (error) {
      if (error instanceof UnreadableFile) reason = error.reason.zh;
    }
    expect(reason).toContain(named);
  });
});
