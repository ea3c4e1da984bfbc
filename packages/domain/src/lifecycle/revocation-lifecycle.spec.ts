import { revocationLifecycle } from './revocation-lifecycle';

const heard = { today: '2027-05-10', answerBy: '2027-05-20', answered: true };

describe('the revocation case lifecycle (A31)', () => {
  it.each([
    ['proposed', 'confirm', 'dst_admin', {}, 'open'],
    ['proposed', 'dismiss', 'dst_admin', { reason: '因不可抗力未能按期提交，理由正当' }, 'dismissed'],
    [
      'open',
      'answer',
      'supporting_unit',
      { statement: '陈述意见', today: '2027-05-20', answerBy: '2027-05-20' },
      'open',
    ],
    ['open', 'revoke', 'dst_admin', { ...heard, reason: '依托单位申请放弃' }, 'revoked'],
    ['open', 'close', 'dst_admin', { reason: '情形不成立' }, 'closed'],
    ['revoked', 'file', 'dst_admin', {}, 'filed'],
  ] as const)('A31: from %s, %s by %s is allowed', (from, action, actor, context, to) => {
    expect(revocationLifecycle.decide(from, action, actor, context)).toMatchObject({
      ok: true,
      to,
      article: '第三十一条',
    });
  });

  it.each([
    ['proposed', 'dismiss', {}, 'a dismissal without a good reason'],
    ['open', 'close', { reason: ' ' }, 'a closure without reasons'],
    ['open', 'revoke', { ...heard }, 'a revocation without reasons'],
    ['open', 'answer', { statement: '', today: '2027-05-01', answerBy: '2027-05-20' }, 'an empty answer'],
    ['open', 'answer', { statement: '迟到的陈述', today: '2027-05-21', answerBy: '2027-05-20' }, 'a late answer'],
  ] as const)('A31: %s %s is refused (%s)', (from, action, context, _case) => {
    const actor = action === 'answer' ? 'supporting_unit' : 'dst_admin';
    expect(revocationLifecycle.decide(from, action, actor, context)).toMatchObject({
      ok: false,
      code: 'rule_violation',
      rule: 'A31-revocation',
    });
  });

  it('A31: DST decides only once the units answered or their period ended', () => {
    const early = { reason: '情形属实', today: '2027-05-10', answerBy: '2027-05-20', answered: false };
    expect(revocationLifecycle.decide('open', 'revoke', 'dst_admin', early)).toMatchObject({ ok: false });
    expect(revocationLifecycle.decide('open', 'revoke', 'dst_admin', { ...early, today: '2027-05-21' })).toMatchObject({
      ok: true,
    });
    // Closing favours the center: it needs no hearing.
    expect(revocationLifecycle.decide('open', 'close', 'dst_admin', early)).toMatchObject({ ok: true });
  });

  it('A31: only DST decides, and only the supporting unit answers', () => {
    for (const actor of ['supporting_unit', 'recommender', 'committee_office', 'system'] as const) {
      expect(revocationLifecycle.decide('open', 'revoke', actor, { ...heard, reason: 'x' })).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    }
    expect(
      revocationLifecycle.decide('open', 'answer', 'construction_unit', { statement: 'x', ...heard }),
    ).toMatchObject({ ok: false, code: 'role_not_allowed' });
  });

  it('A31: a proposal is not decided before DST confirms it, and decided cases are final but for filing', () => {
    expect(revocationLifecycle.decide('proposed', 'revoke', 'dst_admin', { reason: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    for (const status of ['dismissed', 'closed', 'filed'] as const) {
      expect(revocationLifecycle.actionsFor(status, 'dst_admin')).toEqual([]);
    }
    expect(revocationLifecycle.actionsFor('revoked', 'dst_admin')).toEqual(['file']);
  });
});
