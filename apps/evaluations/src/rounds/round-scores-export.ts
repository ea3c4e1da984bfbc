import ExcelJS from 'exceljs';

import { GRADE_LABELS, indicatorsOf } from '@tic/domain';

import type { EvaluationRound } from './evaluation-round.entity';
import type { RoundCenter } from './round-center.entity';

const STATUS_LABELS: Record<RoundCenter['status'], string> = {
  assigned: '已委托',
  scoring: '评分中',
  submitted: '已提交',
  declined: '拒绝参评',
  not_participated: '未参评',
};

/** A28–A30: the round's scores for DST, one row per center: each indicator's score, the total, the grade. */
export async function roundScoresWorkbook(
  round: EvaluationRound,
  entries: readonly RoundCenter[],
): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  const indicators = indicatorsOf(round.indicatorSystem);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评估得分');
  sheet.columns = [
    { header: '中心名称', key: 'name', width: 36 },
    { header: '状态', key: 'status', width: 10 },
    ...indicators.map((i) => ({ header: `${i.name.zh}（${i.weight}）`, key: `i:${i.key}`, width: 14 })),
    { header: '总分', key: 'total', width: 10 },
    { header: '等次', key: 'grade', width: 10 },
    { header: '等次调整理由', key: 'override', width: 30 },
  ];
  for (const entry of entries) {
    const scores = Object.fromEntries(entry.scores.map((s) => [`i:${s.indicatorKey}`, s.score]));
    sheet.addRow({
      name: entry.centerName,
      status: STATUS_LABELS[entry.status],
      ...scores,
      total: entry.total,
      grade: entry.grade === null ? '' : GRADE_LABELS[entry.grade].zh,
      override: entry.overrideReason ?? '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${round.name}-评估得分.xlsx`, contentBase64: buffer.toString('base64'), rows: entries.length };
}
