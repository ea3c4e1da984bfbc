import { fenToYuan } from '@tic/domain';

import { notice, type NoticeTemplates } from '../notices/notice';

const YEAR_END = { carry_over: ['结转下一年度', 'carried over to next year'], return: ['收回', 'returned'] } as const;
const RATING = {
  excellent: ['优', 'excellent'],
  good: ['良', 'good'],
  fair: ['中', 'fair'],
  poor: ['差', 'poor'],
} as const;
const MISUSE = {
  falsification: ['弄虚作假', 'falsification'],
  withholding: ['截留', 'withholding'],
  misappropriation: ['挪用', 'misappropriation'],
  diversion: ['挤占', 'diversion'],
} as const;

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** A33–A36: what the units (and DST) are told of provincial funds, and what they do next. */
export const FUNDING_NOTICES: NoticeTemplates<
  | 'tic.funding.allocated'
  | 'tic.funding.proposal_declined'
  | 'tic.funding.execution_lagging'
  | 'tic.funding.year_closed'
  | 'tic.funding.self_evaluated'
  | 'tic.funding.rated'
  | 'tic.funding.misuse_found'
> = {
  'tic.funding.allocated': (d) =>
    notice(
      [`省级资金已下达：${d.fiscalYear}年度`, `Provincial funds allocated for ${d.fiscalYear}`],
      [
        `下达资金${d.amountCny}元，用途：${d.purpose}。请单独核算、专款专用，逐笔登记支出（第三十六条）。`,
        `CNY ${d.amountCny} were allocated for ${d.purpose}; account for them separately, use them only for that and record each expenditure (A36).`,
      ],
      `/allocations/${d.allocationId}`,
    ),
  'tic.funding.proposal_declined': (d) =>
    notice(
      ['政策支持建议未予安排', 'The policy-support proposal was declined'],
      [
        `省科技厅未将本次优秀评价的政策支持建议安排为资金，理由：${d.reason}（第三十三条）。`,
        `DST declined to turn the excellent grade's policy-support proposal into funds: ${d.reason} (A33).`,
      ],
      `/centers/${d.centerId}`,
    ),
  'tic.funding.execution_lagging': (d) =>
    notice(
      [`${d.fiscalYear}年度省级资金执行进度滞后`, `Provincial funds for ${d.fiscalYear} are spent too slowly`],
      [
        `截至${d.checkedOn}，执行率为${percent(d.executionRate)}，低于应达到的${percent(d.expectedRate)}。请加快执行并及时登记支出（第三十五条）。`,
        `By ${d.checkedOn} ${percent(d.executionRate)} was spent, below the expected ${percent(d.expectedRate)}. Speed up and record expenditures as they happen (A35).`,
      ],
      `/allocations/${d.allocationId}`,
    ),
  'tic.funding.year_closed': (d) =>
    notice(
      [`${d.fiscalYear}年度省级资金已年终结算`, `Provincial funds for ${d.fiscalYear} were closed at year end`],
      [
        `结余${fenToYuan(d.balanceFen)}元，省科技厅决定${YEAR_END[d.decision][0]}（第三十四条）。请于年终对各项绩效目标进行自评。`,
        `The balance of CNY ${fenToYuan(d.balanceFen)} was ${YEAR_END[d.decision][1]} by DST's decision (A34). Self-evaluate each performance target.`,
      ],
      `/allocations/${d.carriedOverTo ?? d.allocationId}`,
    ),
  'tic.funding.self_evaluated': (d) =>
    notice(
      [`${d.fiscalYear}年度资金绩效自评已报送`, `Self-evaluation of the ${d.fiscalYear} funds reported`],
      [
        `依托单位已于${d.selfEvaluatedOn}报送年度绩效自评，${d.targetsTotal}项绩效目标中达到${d.targetsMet}项。请省科技厅进行绩效评价（第三十五条）。`,
        `The supporting unit reported its year-end self-evaluation on ${d.selfEvaluatedOn}: ${d.targetsMet} of ${d.targetsTotal} performance targets met. DST is to rate the performance (A35).`,
      ],
      `/allocations/${d.allocationId}`,
    ),
  'tic.funding.rated': (d) =>
    notice(
      [`${d.fiscalYear}年度资金绩效评价结果`, `Performance rating of the ${d.fiscalYear} funds`],
      [
        `省科技厅对该笔省级资金的绩效评价结果为“${RATING[d.rating][0]}”（第三十五条）。`,
        `DST rated the performance of these provincial funds "${RATING[d.rating][1]}" (A35).`,
      ],
      `/allocations/${d.allocationId}`,
    ),
  'tic.funding.misuse_found': (d) =>
    notice(
      ['省级资金使用问题认定', 'A misuse of provincial funds was found'],
      [
        `经认定存在${MISUSE[d.kind][0]}资金${fenToYuan(d.amountFen)}元的问题；追回${fenToYuan(d.recoverFen)}元${d.suspendAllocation ? '，该笔资金暂停使用' : ''}（第三十六条）。`,
        `A ${MISUSE[d.kind][1]} of CNY ${fenToYuan(d.amountFen)} was found; CNY ${fenToYuan(d.recoverFen)} is to be recovered${d.suspendAllocation ? ' and the allocation is suspended' : ''} (A36).`,
      ],
      `/allocations/${d.allocationId}`,
    ),
};
