import { notice, type NoticeTemplates } from '../notices/notice';

/** A34–A36: provincial funds reached the center, to be accounted separately. */
export const FUNDING_NOTICES: NoticeTemplates<'tic.funding.allocated'> = {
  'tic.funding.allocated': (d) =>
    notice(
      [`省级资金已下达：${d.fiscalYear}年度`, `Provincial funds allocated for ${d.fiscalYear}`],
      [
        `下达资金${d.amountCny}元，用途：${d.purpose}。请单独核算、专款专用（第三十六条）。`,
        `CNY ${d.amountCny} were allocated for ${d.purpose}; account for them separately and use them only for that (A36).`,
      ],
      `/centers/${d.centerId}`,
    ),
};
