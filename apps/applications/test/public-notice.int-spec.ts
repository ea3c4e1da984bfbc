import {
  ApproveApplication,
  DecideObjection,
  FileObjection,
  GetApplication,
  ListObjections,
  ListPublicNotices,
  PublishNotice,
  TransitionApplication,
} from '@tic/contracts';
import { addDays, isWorkingDay, noticeEnd, noticeLength } from '@tic/domain';
import type { RpcFailure } from '@tic/platform';
import { eventually, refusal } from '@tic/testing';

import { CALLERS, runningService } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';

describe('A13(四) public notice and objections (real Postgres, NATS, Redis)', () => {
  const service = runningService('notice');

  it('ends the notice after five working days, holds an application under a named objection until DST decides, records anonymous ones only', async () => {
    const application = await applicationAt(service.rpc, TO_SHORTLIST);
    const notice = await service.rpc.request(
      PublishNotice,
      { title: '拟建名单公示', applicationIds: [application.id] },
      { caller: CALLERS.dst },
    );
    expect(notice).toMatchObject({ startsOn: today(), workingDays: 5, status: 'open' });
    // DOMAIN.md §7: the notice shows its dates, and its five working days include the first one.
    expect(notice.endsOn).toBe(noticeEnd(today(), noticeLength({ workingDays: 5 })));
    expect(workingDaysFromTo(notice.startsOn, notice.endsOn)).toBe(5);
    expect(isWorkingDay(notice.endsOn)).toBe(true);
    const open = await service.rpc.request(ListPublicNotices, { limit: 50, includeEnded: false });
    expect(open.items.map((n) => n.id)).toContain(notice.id);

    const anonymous = await service.rpc.request(FileObjection, {
      noticeId: notice.id,
      applicationId: application.id,
      grounds: '场地面积数据可能不实，请核查。',
    });
    expect(anonymous).toMatchObject({ status: 'recorded', realName: false });
    expect((await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst })).status).toBe(
      'public_notice',
    );

    const named = await service.rpc.request(FileObjection, {
      noticeId: notice.id,
      applicationId: application.id,
      objectorName: '张某',
      contact: '13800000000',
      grounds: '仪器设备原值与审计报告不一致。',
    });
    expect(named).toMatchObject({ status: 'under_review', realName: true });
    let held = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    expect(held.status).toBe('objection_review');

    const refused = await service.rpc
      .request(ApproveApplication, { id: held.id, version: held.version, track: 'formal' }, { caller: CALLERS.dst })
      .catch((e: unknown) => e as RpcFailure);
    expect((refused as RpcFailure).error.code).toBe('conflict');

    await service.rpc.request(
      DecideObjection,
      { objectionId: named.id, upheld: false, comment: '经核查，数据属实，异议不成立。' },
      { caller: CALLERS.dst },
    );
    held = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    expect(held.status).toBe('public_notice');

    // The notice has not ended yet: approval waits for it (A13(四)).
    const early = await service.rpc
      .request(ApproveApplication, { id: held.id, version: held.version, track: 'formal' }, { caller: CALLERS.dst })
      .catch((e: unknown) => e as RpcFailure);
    expect((early as RpcFailure).error).toMatchObject({
      code: 'rule_violation',
      rule: 'A13-public-notice',
      article: '第十三条第（四）项',
    });
  }, 60_000);

  it('rejects an application when DST upholds an objection, and refuses objections after the window', async () => {
    const application = await applicationAt(service.rpc, TO_SHORTLIST);
    const notice = await service.rpc.request(
      PublishNotice,
      { title: '第二批公示', applicationIds: [application.id], startsOn: addDays(today(), -10) },
      { caller: CALLERS.dst },
    );
    await eventually(
      async () => {
        const all = await service.rpc.request(ListPublicNotices, { limit: 50, includeEnded: true });
        expect(all.items.find((n) => n.id === notice.id)?.status).toBe('ended');
      },
      20_000,
      200,
    );
    const late = await service.rpc
      .request(FileObjection, {
        noticeId: notice.id,
        applicationId: application.id,
        objectorName: '李某',
        contact: '13900000000',
        grounds: '公示期后提出的异议。',
      })
      .catch((e: unknown) => e as RpcFailure);
    expect((late as RpcFailure).error).toMatchObject({ code: 'rule_violation', rule: 'A13-objection' });

    // A13(四) 公示无异议后印发批准文件: not dated on the notice's last day, but the day after it.
    const ended = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    const onLastDay = { id: ended.id, version: ended.version, track: 'formal' as const, approvedOn: notice.endsOn };
    expect(await refusal(service.rpc.request(ApproveApplication, onLastDay, { caller: CALLERS.dst }))).toMatchObject({
      code: 'rule_violation',
      reason: 'application.approved_before_notice_end',
      rule: 'A13-public-notice',
      article: '第十三条第（四）项',
      errors: [{ path: 'approvedOn' }],
    });
    const approved = await service.rpc.request(
      ApproveApplication,
      { ...onLastDay, approvedOn: addDays(notice.endsOn, 1) },
      { caller: CALLERS.dst },
    );
    expect(approved.status).toBe('approved');

    const other = await applicationAt(service.rpc, TO_SHORTLIST);
    const current = await service.rpc.request(
      PublishNotice,
      { title: '第三批公示', applicationIds: [other.id] },
      { caller: CALLERS.dst },
    );
    const objection = await service.rpc.request(FileObjection, {
      noticeId: current.id,
      applicationId: other.id,
      objectorUnit: '某科技有限公司',
      contact: '024-12345678',
      grounds: '核心成果的知识产权归属存在争议。',
    });
    const second = await service.rpc.request(FileObjection, {
      noticeId: current.id,
      applicationId: other.id,
      objectorName: '王某',
      contact: '13700000000',
      grounds: '研发团队人数与社保记录不符。',
    });
    await service.rpc.request(
      DecideObjection,
      { objectionId: objection.id, upheld: true, comment: '经核查，异议成立。' },
      { caller: CALLERS.dst },
    );
    expect((await service.rpc.request(GetApplication, { id: other.id }, { caller: CALLERS.dst })).status).toBe(
      'rejected',
    );
    const settled = await service.rpc.request(
      ListObjections,
      { limit: 50, applicationId: other.id },
      { caller: CALLERS.dst },
    );
    expect(settled.items.find((o) => o.id === second.id)?.status).toBe('closed');
  }, 60_000);

  it('DOMAIN.md §4: DST rejects or withdraws an application during its notice with reasons, kept in its history; not without', async () => {
    const application = await applicationAt(service.rpc, TO_SHORTLIST);
    await service.rpc.request(
      PublishNotice,
      { title: '第四批公示', applicationIds: [application.id] },
      { caller: CALLERS.dst },
    );
    const onNotice = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    const reject = (comment?: string) =>
      service.rpc.request(
        TransitionApplication,
        { id: onNotice.id, action: 'reject', version: onNotice.version, ...(comment ? { comment } : {}) },
        { caller: CALLERS.dst },
      );
    expect(await refusal(reject())).toMatchObject({ code: 'rule_violation', rule: 'A13-review-comment' });
    const withdrawFromNotice = await applicationAt(service.rpc, TO_SHORTLIST);
    const both = await service.rpc.request(
      PublishNotice,
      { title: '第四批公示（补充）', applicationIds: [withdrawFromNotice.id] },
      { caller: CALLERS.dst },
    );
    const listed = await service.rpc.request(GetApplication, { id: withdrawFromNotice.id }, { caller: CALLERS.dst });
    const withdrawn = await service.rpc.request(
      TransitionApplication,
      { id: listed.id, action: 'withdraw', version: listed.version, comment: '依托单位书面申请撤回。' },
      { caller: CALLERS.dst },
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn' });
    expect(withdrawn.history.at(-1)).toMatchObject({ action: 'withdraw', from: 'public_notice', to: 'withdrawn' });
    const shown = await service.rpc.request(ListPublicNotices, { limit: 50, includeEnded: false });
    expect(shown.items.find((n) => n.id === both.id)?.entries[0]?.status).toBe('withdrawn');

    const rejected = await reject('依托单位存在严重失信行为，不予批准。');
    expect(rejected.status).toBe('rejected');
    expect(rejected.history.at(-1)).toMatchObject({
      action: 'reject',
      from: 'public_notice',
      to: 'rejected',
      comment: '依托单位存在严重失信行为，不予批准。',
      article: '第十三条第（四）项',
    });
  }, 60_000);

  it('DOMAIN.md §7: a notice of 7 calendar days is a setting; it counts its first day; not both lengths at once', async () => {
    const application = await applicationAt(service.rpc, TO_SHORTLIST);
    const both = { title: '第五批公示', applicationIds: [application.id], workingDays: 5, calendarDays: 7 };
    expect(await refusal(service.rpc.request(PublishNotice, both, { caller: CALLERS.dst }))).toMatchObject({
      code: 'invalid_input',
      errors: [{ path: 'calendarDays' }],
    });
    const notice = await service.rpc.request(
      PublishNotice,
      { title: '第五批公示', applicationIds: [application.id], calendarDays: 7 },
      { caller: CALLERS.dst },
    );
    expect(notice).toMatchObject({
      startsOn: today(),
      endsOn: addDays(today(), 6),
      workingDays: null,
      calendarDays: 7,
    });
  }, 60_000);
});

// The working days from `start` to `end`, both counted, as a notice states them.
function workingDaysFromTo(start: string, end: string): number {
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}
