import ExcelJS from 'exceljs';

import type { PlatformWorld } from '../platform/platform-world';

/** GET of a report's statistics template: the status, content type and the workbook as ExcelJS reads it. */
export async function downloadTemplate(world: PlatformWorld, reportId: string, token: string) {
  const response = await fetch(`${world.gatewayUrl}/api/v1/annual-reports/${reportId}/statistics.xlsx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const content = Buffer.from(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  if (response.status === 200) await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return { status: response.status, type: response.headers.get('content-type'), workbook };
}

/** PUT of a filled-in workbook as a raw xlsx body, guarded by the report's version. */
export async function uploadStatistics(
  world: PlatformWorld,
  reportId: string,
  token: string,
  version: number,
  workbook: ExcelJS.Workbook,
) {
  const response = await fetch(`${world.gatewayUrl}/api/v1/annual-reports/${reportId}/statistics`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'if-match': `W/"${version}"`,
    },
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
