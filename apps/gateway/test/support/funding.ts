import ExcelJS from 'exceljs';

import type { PlatformWorld } from '../platform/platform-world';
import { XLSX } from './rosters';

/** The header of an expenditure workbook as the finance office types it (A36). */
export const LEDGER_HEADER = ['支出日期', '金额（元）', '支出类别', '收款方', '凭证号', '政府采购', '国有资产', '备注'];

/** The same columns by their English codes. */
export const LEDGER_HEADER_EN = [
  'spentOn',
  'amountYuan',
  'category',
  'payee',
  'voucherRef',
  'procurement',
  'stateAsset',
  'note',
];

/** POST of an expenditure file (XLSX or CSV) to an allocation's ledger import, as a client uploads it. */
export async function importLedgerFile(
  world: PlatformWorld,
  allocationId: string,
  token: string,
  content: Buffer,
  type = XLSX,
) {
  const response = await fetch(`${world.gatewayUrl}/api/v1/allocations/${allocationId}/ledger/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: content,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** GET of an allocation's ledger template: the status, content type and the workbook as ExcelJS reads it. */
export async function downloadLedgerTemplate(world: PlatformWorld, allocationId: string, token: string) {
  const response = await fetch(`${world.gatewayUrl}/api/v1/allocations/${allocationId}/ledger/template.xlsx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const content = Buffer.from(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  if (response.status === 200) await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return { status: response.status, type: response.headers.get('content-type'), workbook };
}
