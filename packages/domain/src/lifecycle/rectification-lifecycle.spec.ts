import { rectificationLifecycle } from './rectification-lifecycle';

const decided = { expertScores: [72, 65, 80], reason: '整改措施落实到位' };

describe('the rectification acceptance (A30)', () => {
  it.each([
    ['rectifying', 'request_acceptance', 'construction_unit', { centerStatus: 'rectifying' }, 'supporting_review'],
    ['supporting_review', 'pass', 'supporting_unit', {}, 'recommender_review'],
    ['recommender_review', 'pass', 'recommender', {}, 'expert_acceptance'],
    ['supporting_review', 'return', 'supporting_unit', { comment: '整改报告不完整' }, 'rectifying'],
    ['recommender_review', 'return', 'recommender', { comment: '请补充验收材料' }, 'rectifying'],
    ['expert_acceptance', 'accept', 'dst_admin', decided, 'passed'],
    ['expert_acceptance', 'reject', 'dst_admin', { ...decided, reason: '核心指标未达到' }, 'failed'],
  ] as const)('A30: from %s, %s by %s', (from, action, actor, context, to) => {
    expect(rectificationLifecycle.decide(from, action, actor, context)).toMatchObject({
      ok: true,
      to,
      article: '第三十条',
    });
  });

  it.each([
    ['rectifying', 'request_acceptance', 'supporting_unit'],
    ['supporting_review', 'pass', 'recommender'],
    ['expert_acceptance', 'accept', 'recommender'],
  ] as const)('A30: from %s, %s is not for %s', (from, action, actor) => {
    expect(
      rectificationLifecycle.decide(from, action, actor, { centerStatus: 'rectifying', ...decided }),
    ).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it('A30: only a center under rectification requests acceptance', () => {
    expect(
      rectificationLifecycle.decide('rectifying', 'request_acceptance', 'construction_unit', {
        centerStatus: 'operating',
      }),
    ).toMatchObject({ ok: false, rule: 'A30-acceptance' });
  });

  it.each(['supporting_unit', 'recommender'] as const)('A30: a return by the %s needs comments', (actor) => {
    const from = actor === 'supporting_unit' ? 'supporting_review' : 'recommender_review';
    expect(rectificationLifecycle.decide(from, 'return', actor, { comment: '' })).toMatchObject({
      ok: false,
      rule: 'A30-acceptance',
    });
  });

  it.each([
    ['no expert score', { expertScores: [], reason: '通过' }],
    ['a score outside 0–100', { expertScores: [70, 120], reason: '通过' }],
    ['no reason', { expertScores: [70], reason: ' ' }],
  ])('A30: DST does not decide with %s', (_, context) => {
    expect(rectificationLifecycle.decide('expert_acceptance', 'accept', 'dst_admin', context)).toMatchObject({
      ok: false,
      rule: 'A30-acceptance',
    });
  });

  it('A30: no threshold is inferred: DST may pass a low mean or fail a high one, with reasons', () => {
    expect(
      rectificationLifecycle.decide('expert_acceptance', 'accept', 'dst_admin', {
        expertScores: [55],
        reason: '专家组一致同意通过',
      }),
    ).toMatchObject({ ok: true, to: 'passed' });
    expect(
      rectificationLifecycle.decide('expert_acceptance', 'reject', 'dst_admin', {
        expertScores: [85],
        reason: '发现数据不实',
      }),
    ).toMatchObject({ ok: true, to: 'failed' });
  });
});
