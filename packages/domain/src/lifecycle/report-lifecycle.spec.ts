import { CENTER_STATUSES } from './center-lifecycle';
import { reportLifecycle, reportYearFindings } from './report-lifecycle';

const base = { centerStatus: 'operating', reportYear: 2026, today: '2027-03-02' } as const;

describe('the annual report lifecycle (A27)', () => {
  it.each([
    ['draft', 'submit', 'construction_unit', {}, 'supporting_review'],
    ['supporting_review', 'pass', 'supporting_unit', {}, 'recommender_review'],
    ['recommender_review', 'file', 'recommender', {}, 'filed'],
    ['supporting_review', 'return', 'supporting_unit', { comment: '请补充专利数据' }, 'draft'],
    ['recommender_review', 'return', 'recommender', { comment: '经费数据不一致' }, 'draft'],
  ] as const)('A27: from %s, %s by %s', (from, action, actor, context, to) => {
    expect(reportLifecycle.decide(from, action, actor, { ...base, ...context })).toMatchObject({
      ok: true,
      to,
      article: '第二十七条',
    });
  });

  it.each([
    ['draft', 'submit', 'supporting_unit'],
    ['supporting_review', 'pass', 'construction_unit'],
    ['recommender_review', 'file', 'supporting_unit'],
    ['recommender_review', 'file', 'dst_admin'],
    ['supporting_review', 'return', 'recommender'],
  ] as const)('A27: from %s, %s is not for %s', (from, action, actor) => {
    expect(reportLifecycle.decide(from, action, actor, { ...base, comment: 'x' })).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it.each([
    [2026, '2027-01-05', true],
    [2024, '2027-06-30', true],
    [2027, '2027-03-02', false],
    [2028, '2027-03-02', false],
  ])('A27: a report on %d submitted on %s is taken: %s', (reportYear, today, ok) => {
    expect(reportYearFindings(reportYear, today)).toEqual([
      expect.objectContaining({ rule: 'A27-report-year', passed: ok, article: '第二十七条', severity: 'hard' }),
    ]);
    expect(
      reportLifecycle.decide('draft', 'submit', 'construction_unit', { ...base, reportYear, today }),
    ).toMatchObject(ok ? { ok: true } : { ok: false, code: 'rule_violation', rule: 'A27-report-year' });
  });

  it.each(['supporting_unit', 'recommender'] as const)('A27: a return by the %s needs comments', (actor) => {
    const from = actor === 'supporting_unit' ? 'supporting_review' : 'recommender_review';
    expect(reportLifecycle.decide(from, 'return', actor, { ...base, comment: '  ' })).toMatchObject({
      ok: false,
      code: 'rule_violation',
      rule: 'A27-review-comment',
    });
  });

  it('A27: a filed report moves no more', () => {
    expect(reportLifecycle.decide('filed', 'return', 'recommender', { ...base, comment: '撤回' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it.each(CENTER_STATUSES)('A27: a center that is %s reports only while it is in the registry', (centerStatus) => {
    const closed = ['revoked', 'terminated', 'graduated'].includes(centerStatus);
    expect(reportLifecycle.decide('draft', 'submit', 'construction_unit', { ...base, centerStatus })).toMatchObject(
      closed ? { ok: false, rule: 'A27-center-open' } : { ok: true },
    );
  });
});
