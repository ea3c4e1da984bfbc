import ExcelJS from 'exceljs';

import { GetAllocation, ImportExpenditures } from '@tic/contracts';
import type { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { UploadedFile } from '../uploads/uploaded-file';
import { LedgerImports } from './ledger-import-upload';

const HEADER = ['支出日期', '金额（元）', '支出类别', '收款方', '凭证号', '政府采购', '国有资产', '备注'];
const ALLOCATION = '0b7e4a52-31a4-4a0e-9d3c-6f3f2a1d5e01';
const BALANCES = [{ category: 'equipment', budgetFen: 100, spentFen: 0, remainingFen: 100 }];

async function workbook(rows: unknown[][]): Promise<UploadedFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('支出');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return new UploadedFile(XLSX, Buffer.from(await book.xlsx.writeBuffer()));
}

/** A stand-in for the funding service that answers a dry run with one over-budget line, and records the asks. */
function fundingStandIn() {
  const asked: { operation: string; input: Record<string, unknown> }[] = [];
  const rpc = {
    request: (definition: { operation: string }, input: Record<string, unknown>) => {
      asked.push({ operation: definition.operation, input });
      if (definition === GetAllocation) return Promise.resolve({ balances: BALANCES });
      const problems = [{ row: 5, field: 'amountYuan', message: '超出预算', article: '第三十六条' }];
      return Promise.resolve({ imported: 0, problems, balances: BALANCES });
    },
  } as unknown as RpcClient;
  return { rpc, asked };
}

const line = (voucher: string, amount: unknown) => [
  '2026-05-06',
  amount,
  '设备费',
  '沈阳示范仪器公司',
  voucher,
  '否',
  '否',
  '',
];

describe('LedgerImports (A36: every bad line of an uploaded ledger reported at once)', () => {
  it('sends the readable lines as a dry run and answers both lists of problems by row, nothing imported', async () => {
    const { rpc, asked } = fundingStandIn();
    const file = await workbook([
      line('记-1', '100'),
      line('记-2', new Date(Date.UTC(2026, 4, 6))),
      line('记-3', '200'),
      line('记-4', '9999999'),
    ]);
    const answer = await new LedgerImports(rpc).import({ allocationId: ALLOCATION, file });
    expect(
      asked.map((a) => [a.operation, a.input.dryRun, (a.input.rows as { row: number }[]).map((r) => r.row)]),
    ).toEqual([[ImportExpenditures.operation, true, [2, 4, 5]]]);
    expect([answer.imported, answer.problems.map((p) => [p.row, p.field])]).toEqual([
      0,
      [
        [3, 'amountYuan'],
        [5, 'amountYuan'],
      ],
    ]);
  });

  it('sends a file the gateway reads whole as the import itself', async () => {
    const { rpc, asked } = fundingStandIn();
    await new LedgerImports(rpc).import({ allocationId: ALLOCATION, file: await workbook([line('记-1', '100')]) });
    expect(asked.map((a) => [a.operation, a.input.dryRun])).toEqual([[ImportExpenditures.operation, undefined]]);
  });

  it('asks only for the allocation (as a read) when no line is readable', async () => {
    const { rpc, asked } = fundingStandIn();
    const file = await workbook([line('记-1', new Date(Date.UTC(2026, 4, 6)))]);
    const answer = await new LedgerImports(rpc).import({ allocationId: ALLOCATION, file });
    expect(asked.map((a) => a.operation)).toEqual([GetAllocation.operation]);
    expect(answer.problems.map((p) => p.row)).toEqual([2]);
  });
});
