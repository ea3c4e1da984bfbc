import { notice, type NoticeTemplates } from '../notices/notice';

type Told =
  | 'tic.report.submitted'
  | 'tic.report.overdue'
  | 'tic.evaluation.graded'
  | 'tic.rectification.started'
  | 'tic.rectification.accepted'
  | 'tic.evaluation.not_participated'
  | 'tic.evaluation.preparation_concluded'
  | 'tic.evaluation.policy_support_proposed';

const GRADE_NAMES = {
  excellent: ['优秀', 'excellent'],
  good: ['良好', 'good'],
  basic_pass: ['基本合格', 'basic pass'],
  fail: ['不合格', 'fail'],
} as const;

const evaluations = (centerId: string) => `/centers/${centerId}/evaluations`;

/** A27–A31: what annual reports, grades and rectifications tell a center's units (and DST where it waits on DST). */
export const EVALUATION_NOTICES: NoticeTemplates<Told> = {
  'tic.report.submitted': (d) =>
    notice(
      [`待审核：${d.reportYear}年度报告`, `To review: the annual report for ${d.reportYear}`],
      [
        '建设单位已提交年度报告，请依托单位审核后报推荐单位，或退回修改（第二十七条）。',
        'The construction unit submitted the annual report: review it and pass it to the recommender, or return it (A27).',
      ],
      `/annual-reports/${d.reportId}`,
    ),
  'tic.report.overdue': (d) =>
    notice(
      [`年度报告逾期：${d.reportYear}年度`, `Annual report overdue: ${d.reportYear}`],
      [
        `${d.reportYear}年度报告应于${d.dueOn}前提交，至今未交；无正当理由不报送的，可撤销（第二十七条、第三十一条第（三）项）。`,
        `The report for ${d.reportYear} was due by ${d.dueOn} and is missing; refusing it without good reason is a revocation ground (A27, A31(3)).`,
      ],
      `/annual-reports?centerId=${d.centerId}`,
    ),
  'tic.evaluation.graded': (d) =>
    notice(
      [`评估结果：${GRADE_NAMES[d.grade][0]}`, `Evaluation result: ${GRADE_NAMES[d.grade][1]}`],
      [
        `中心评估得分${d.score}，等级“${GRADE_NAMES[d.grade][0]}”（第三十条）。`,
        `The center scored ${d.score} and is graded ${GRADE_NAMES[d.grade][1]} (A30).`,
      ],
      evaluations(d.centerId),
    ),
  'tic.rectification.started': (d) =>
    notice(
      ['整改开始', 'Rectification started'],
      [
        `评估为基本合格，请于${d.dueOn}前完成整改并提出验收申请（第三十条）。`,
        `Graded basic pass: rectify by ${d.dueOn}, then request the acceptance (A30).`,
      ],
      `/rectifications/${d.rectificationId}`,
    ),
  'tic.rectification.accepted': (d) =>
    notice(
      d.passed ? ['整改验收通过', 'Rectification accepted'] : ['整改验收未通过', 'Rectification not accepted'],
      d.passed
        ? [
            `整改已于${d.acceptedOn}验收通过（第三十条）。`,
            `The rectification passed its acceptance on ${d.acceptedOn} (A30).`,
          ]
        : [
            `整改验收未通过（${d.acceptedOn}），将依第三十一条第（二）项立案撤销。`,
            `The rectification failed its acceptance on ${d.acceptedOn}; a revocation case opens on ground A31(2).`,
          ],
      `/rectifications/${d.rectificationId}`,
    ),
  'tic.evaluation.not_participated': (d) =>
    notice(
      ['未参加评估', 'Did not take part in the evaluation'],
      [
        `中心未在${d.dueOn}前参加评估；无正当理由的，将依第三十一条第（四）项提出撤销。`,
        `The center did not take part in the evaluation due by ${d.dueOn}; without good reason, revocation is proposed (A31(4)).`,
      ],
      `/evaluation-rounds/${d.roundId}/centers/${d.centerId}`,
    ),
  'tic.evaluation.preparation_concluded': (d) =>
    notice(
      d.outcome === 'operating'
        ? ['筹建期评估：转入正式管理', 'Preparation evaluated: formal management']
        : ['筹建期评估：终止', 'Preparation evaluated: terminated'],
      [`筹建期评估结论（${d.decidedOn}）：${d.reason}`, `Preparation evaluation (${d.decidedOn}): ${d.reason}`],
      evaluations(d.centerId),
    ),
  'tic.evaluation.policy_support_proposed': (d) =>
    notice(
      ['评估优秀：拟予政策支持', 'Excellent grade: policy support proposed'],
      [
        `中心评估为优秀（${d.score}分），已提出政策支持建议，待省科技厅决定（第三十条、第三十三条）。`,
        `The center was graded excellent (${d.score}); policy support is proposed for DST to decide (A30, A33).`,
      ],
      evaluations(d.centerId),
    ),
};
