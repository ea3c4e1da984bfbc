import type { DeadlineKind } from '@tic/domain';

import type { EventData } from '../event-catalogue';
import { notice, type NoticeTemplates } from '../notices/notice';

type DeadlineData = EventData<'tic.deadline.reminder'> | EventData<'tic.deadline.overdue'>;

/** DOMAIN.md §5: each deadline, what it waits for and where that is done. */
const DEADLINES: Record<DeadlineKind, { zh: string; en: string; link: (d: DeadlineData) => string }> = {
  'D-director-filing': {
    zh: '主任聘任备案',
    en: 'the director’s appointment filing',
    link: (d) => `/appointments/${d.subjectId}`,
  },
  'D-change-filing': { zh: '重大事项变更备案', en: 'the filing of the change', link: (d) => `/changes/${d.subjectId}` },
  'D-public-notice': { zh: '公示期', en: 'the public notice', link: () => '/public/notices' },
  'D-annual-report': {
    zh: '年度报告提交',
    en: 'the annual report',
    link: (d) => `/annual-reports?centerId=${d.centerId ?? d.subjectId}`,
  },
  'D-preparation': { zh: '筹建期', en: 'the preparation period', link: (d) => `/centers/${d.centerId ?? d.subjectId}` },
  'D-rectification': { zh: '整改期', en: 'the rectification', link: (d) => `/rectifications/${d.subjectId}` },
  'D-evaluation-cycle': {
    zh: '两年一次的评估',
    en: 'the biennial evaluation',
    link: (d) => `/centers/${d.centerId ?? d.subjectId}/evaluations`,
  },
  'D-evaluation-participation': {
    zh: '参加评估',
    en: 'taking part in the evaluation',
    link: (d) => `/centers/${d.centerId ?? d.subjectId}/evaluations`,
  },
  'D-revocation-answer': {
    zh: '撤销案件答复',
    en: 'the answer to the revocation case',
    link: (d) => `/revocations/${d.subjectId}`,
  },
  'D-funding-midyear': {
    zh: '省级财政资金年中执行检查',
    en: 'the mid-year check of the allocation’s execution',
    link: (d) => `/funding/allocations/${d.subjectId}`,
  },
};

const provisional = (d: DeadlineData): [string, string] =>
  d.provisional
    ? ['（该日期所在年度节假日安排尚未公布，日期为暂定）', ' (provisional: that year’s holidays are not published yet)']
    : ['', ''];

/** DOMAIN.md §5: a deadline nears (at the days its kind names) or has passed. */
export const DEADLINE_NOTICES: NoticeTemplates<'tic.deadline.reminder' | 'tic.deadline.overdue'> = {
  'tic.deadline.reminder': (d) => {
    const what = DEADLINES[d.kind];
    const [zhNote, enNote] = provisional(d);
    return notice(
      [`${d.daysBefore}天后到期：${what.zh}`, `Due in ${d.daysBefore} days: ${what.en}`],
      [
        `${what.zh}的期限为${d.dueOn}${zhNote}，请按时办理（${d.article}）。`,
        `${what.en[0]?.toUpperCase()}${what.en.slice(1)} is due on ${d.dueOn}${enNote}; act before then (${d.article}).`,
      ],
      what.link(d),
    );
  },
  'tic.deadline.overdue': (d) => {
    const what = DEADLINES[d.kind];
    return notice(
      [`已逾期：${what.zh}`, `Overdue: ${what.en}`],
      [
        `${what.zh}的期限${d.dueOn}已过，尚未办理（${d.article}）。`,
        `${what.en[0]?.toUpperCase()}${what.en.slice(1)} was due on ${d.dueOn} and has not been done (${d.article}).`,
      ],
      what.link(d),
    );
  },
};
