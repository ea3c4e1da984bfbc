import { dirname, join } from 'node:path';

import PDFDocument from 'pdfkit';

import type { AnnouncementDto } from '@tic/contracts';

// Noto Sans SC (OFL) from @embedpdf/fonts-sc: no CJK font is installed on the machines that run this, and the
// package's `exports` hides `fonts/`, so the path is built from its entry point. pdfkit embeds a subset.
const FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
const MEASURES = '《辽宁省技术创新中心管理办法》';
const ISSUER = '辽宁省科学技术厅';

type Document = Extract<AnnouncementDto, { kind: 'approval' | 'revocation' }>;

/** The approval notice (A13) or the revocation decision (A31) of an announcement, as a PDF in Chinese. */
export function renderAnnouncementPdf(announcement: Document): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: announcement.title, Author: ISSUER } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  doc.registerFont('cjk', FONT);
  doc.font('cjk').fontSize(20).text(ISSUER, { align: 'center' });
  doc.moveDown(0.5).fontSize(16).text(announcement.title, { align: 'center' });
  doc.moveDown(1.5).fontSize(12);
  for (const paragraph of paragraphs(announcement)) doc.text(paragraph, { paragraphGap: 8, lineGap: 4 });
  doc.moveDown(2).text(ISSUER, { align: 'right' });
  doc.text(chineseDate(announcement.announcedOn), { align: 'right' });
  doc.moveDown(1).fontSize(9).text(`公告日期：${announcement.announcedOn}\u3000编号：${announcement.id}`);
  doc.end();
  return done;
}

function paragraphs(announcement: Document): string[] {
  const name = `${announcement.centerName.zh}（${announcement.centerName.en}）`;
  switch (announcement.kind) {
    case 'approval': {
      const d = announcement.details;
      return [
        `依据${MEASURES}第十三条，经申报、审核、专家评审和公示，批准建设${name}。`,
        `领域（方向）：${d.field.zh}（${d.field.en}）`,
        `依托单位：${d.supportingUnit}`,
        `建设方式：${d.track === 'preparation' ? '筹建（第十二条），筹建期一年' : '正式建设'}`,
        `批准日期：${d.establishedOn}`,
        '请依托单位按照管理办法组织建设和运行，并将批准情况报省委科技委办公室备案。',
        '特此公告。',
      ];
    }
    case 'revocation': {
      const d = announcement.details;
      const grounds = d.grounds.map((g) => `第（${g}）项`).join('、');
      return [
        `依据${MEASURES}${d.article}${grounds}，决定撤销${name}。`,
        `理由：${d.reason}`,
        `撤销日期：${d.revokedOn}`,
        '自撤销之日起，该中心不再使用辽宁省技术创新中心名称；撤销决定报省委科技委办公室备案。',
        '特此决定。',
      ];
    }
  }
}

/** `2026-11-29` → `2026年11月29日`, as an official document dates itself. */
function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
