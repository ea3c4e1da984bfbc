import { CENTER_STATUSES } from './center-lifecycle';
import { centerOpenFindings, changeLifecycle } from './change-lifecycle';

const reviewed = { reviewedOn: '2026-11-20', recorded: true };

describe('the change request lifecycle (A26)', () => {
  it.each([
    ['draft', 'submit', 'construction_unit', {}, 'supporting_review'],
    ['supporting_review', 'pass', 'supporting_unit', { committeeReview: reviewed }, 'recommender_review'],
    ['recommender_review', 'consent', 'recommender', {}, 'dst_review'],
    ['dst_review', 'approve', 'dst_admin', {}, 'filed'],
    ['supporting_review', 'return', 'supporting_unit', { comment: '请补充论证材料' }, 'draft'],
    ['recommender_review', 'return', 'recommender', { comment: '请说明调整理由' }, 'draft'],
    ['dst_review', 'return', 'dst_admin', { comment: '请补充书面报告' }, 'draft'],
  ] as const)('A26: from %s, %s by %s', (from, action, actor, context, to) => {
    expect(changeLifecycle.decide(from, action, actor, { centerStatus: 'operating', ...context })).toMatchObject({
      ok: true,
      to,
      article: '第二十六条',
    });
  });

  it.each([
    ['draft', 'submit', 'supporting_unit'],
    ['supporting_review', 'pass', 'construction_unit'],
    ['recommender_review', 'consent', 'supporting_unit'],
    ['dst_review', 'approve', 'recommender'],
    ['supporting_review', 'return', 'recommender'],
  ] as const)('A26: from %s, %s is not for %s', (from, action, actor) => {
    expect(
      changeLifecycle.decide(from, action, actor, {
        centerStatus: 'operating',
        committeeReview: reviewed,
        comment: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'role_not_allowed' });
  });

  it('A26: the supporting unit passes only a change its management committee argued, as the registry records', () => {
    expect(
      changeLifecycle.decide('supporting_review', 'pass', 'supporting_unit', {
        centerStatus: 'operating',
        committeeReview: { reviewedOn: '2026-11-21', recorded: false },
      }),
    ).toMatchObject({ ok: false, code: 'rule_violation', rule: 'A26-committee-review', article: '第二十六条' });
  });

  it('A26: a return needs comments', () => {
    expect(changeLifecycle.decide('dst_review', 'return', 'dst_admin', { comment: ' ' })).toMatchObject({
      ok: false,
      rule: 'A26-review-comment',
    });
  });

  it('A26: a filed change moves no more', () => {
    expect(changeLifecycle.decide('filed', 'return', 'dst_admin', { comment: '撤回' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it.each(CENTER_STATUSES)('A26: a center that is %s takes a change only while it is in the registry', (status) => {
    const closed = ['revoked', 'terminated', 'graduated'].includes(status);
    expect(centerOpenFindings(status)).toEqual([
      expect.objectContaining({ rule: 'A26-center-open', passed: !closed, article: '第二十六条' }),
    ]);
    expect(
      changeLifecycle.decide('recommender_review', 'consent', 'recommender', { centerStatus: status }),
    ).toMatchObject({ ok: !closed });
  });
});
