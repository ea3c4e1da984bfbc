import { notice, type NoticeTemplates } from '../notices/notice';

type Told =
  | 'tic.application.submitted'
  | 'tic.application.supporting_review_passed'
  | 'tic.application.recommended'
  | 'tic.application.formal_review_passed'
  | 'tic.application.shortlisted'
  | 'tic.application.returned'
  | 'tic.application.rejected'
  | 'tic.application.withdrawn'
  | 'tic.application.objection_filed'
  | 'tic.application.objection_decided'
  | 'tic.application.approved';

const at = (id: string) => `/applications/${id}`;

/** A13: what each step of an application tells the next reviewer, or the units whose application it is. */
export const APPLICATION_NOTICES: NoticeTemplates<Told> = {
  'tic.application.submitted': (d) =>
    notice(
      [`待审核：${d.proposedName.zh}申报书`, `To review: the application for ${d.proposedName.en}`],
      [
        '建设单位已提交申报书，请依托单位审核后报送推荐单位或退回修改（第十三条）。',
        'The construction unit submitted its application: review it, then pass it to the recommender or return it (A13).',
      ],
      at(d.applicationId),
    ),
  'tic.application.supporting_review_passed': (d) =>
    notice(
      [`待推荐：${d.proposedName.zh}申报书`, `To recommend: the application for ${d.proposedName.en}`],
      [
        '依托单位已审核通过，请推荐单位审核、择优推荐或退回修改（第十三条第（二）项）。',
        'The supporting unit passed the application: review and recommend it, or return it (A13(2)).',
      ],
      at(d.applicationId),
    ),
  'tic.application.recommended': (d) =>
    notice(
      [`待形式审查：${d.proposedName.zh}申报书`, `Formal review due: the application for ${d.proposedName.en}`],
      [
        '推荐单位已推荐该申报，请省科技厅进行形式审查（第十三条第（三）项）。',
        'The recommending unit recommended the application: carry out the formal review (A13(3)).',
      ],
      at(d.applicationId),
    ),
  'tic.application.formal_review_passed': (d) =>
    notice(
      [`待专家评审：${d.proposedName.zh}申报书`, `Expert review due: the application for ${d.proposedName.en}`],
      [
        '形式审查已通过，请抽取专家并组织评审（第十三条第（三）项）。',
        'The formal review passed: draw the experts and organize the review (A13(3)).',
      ],
      `${at(d.applicationId)}/review`,
    ),
  'tic.application.shortlisted': (d) =>
    notice(
      [`已入围：${d.proposedName.zh}`, `Shortlisted: ${d.proposedName.en}`],
      [
        '该申报已列入拟建名单，下一步由省科技厅发布公示（第十三条第（四）项）。',
        'The application is on the list of centers to establish; DST publishes the public notice next (A13(4)).',
      ],
      at(d.applicationId),
    ),
  'tic.application.returned': (d) =>
    notice(
      [`退回修改：${d.proposedName.zh}申报书`, `Returned for revision: the application for ${d.proposedName.en}`],
      [
        `审核单位退回了申报书，请按意见修改后重新提交。意见：${d.comment ?? '（无）'}`,
        `A reviewer returned the application: revise it as commented and submit it again. Comment: ${d.comment ?? '(none)'}`,
      ],
      at(d.applicationId),
    ),
  'tic.application.rejected': (d) =>
    notice(
      [`未通过：${d.proposedName.zh}申报书`, `Rejected: the application for ${d.proposedName.en}`],
      [
        `申报未获通过，流程结束。理由：${d.comment ?? '（无）'}`,
        `The application was rejected; its procedure ends. Reason: ${d.comment ?? '(none)'}`,
      ],
      at(d.applicationId),
    ),
  'tic.application.withdrawn': (d) =>
    notice(
      [`已撤回公示：${d.proposedName.zh}`, `Withdrawn from the public notice: ${d.proposedName.en}`],
      [
        `省科技厅将该申报撤出公示，不予批准。理由：${d.comment ?? '（无）'}`,
        `DST withdrew the application from its public notice; it is not approved. Reason: ${d.comment ?? '(none)'}`,
      ],
      at(d.applicationId),
    ),
  'tic.application.objection_filed': (d) =>
    notice(
      [`公示异议：${d.proposedName.zh}`, `Objection to the public notice: ${d.proposedName.en}`],
      [
        '公示期间收到实名异议，申报暂停，待省科技厅核查处理（第十三条第（四）项）。',
        'A named objection was filed during the public notice; the application is held until DST decides it (A13(4)).',
      ],
      at(d.applicationId),
    ),
  'tic.application.objection_decided': (d) =>
    notice(
      [`异议已处理：${d.proposedName.zh}`, `Objection decided: ${d.proposedName.en}`],
      d.upheld
        ? ['省科技厅认定异议成立，申报不予批准。', 'DST upheld the objection; the application is rejected.']
        : [
            '省科技厅驳回异议，申报回到公示流程。',
            'DST dismissed the objection; the application returns to its notice.',
          ],
      at(d.applicationId),
    ),
  'tic.application.approved': (d) =>
    notice(
      [`已批准：${d.proposedName.zh}`, `Approved: ${d.proposedName.en}`],
      d.track === 'preparation'
        ? [
            `省科技厅批准筹建（${d.approvedOn}），筹建期一年，期满评估（第十二条）。`,
            `DST approved the center for preparation on ${d.approvedOn}; after one year an evaluation decides (A12).`,
          ]
        : [`省科技厅已批准建设（${d.approvedOn}）。`, `DST approved the center on ${d.approvedOn}.`],
      `/centers/${d.centerId}`,
    ),
};
