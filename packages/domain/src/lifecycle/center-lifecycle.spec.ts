import { centerLifecycle } from './center-lifecycle';

describe('the center lifecycle (A12, A30, A31, A33)', () => {
  it.each([
    ['preparing', 'complete_preparation', { preparationEvaluationPassed: true }, 'operating'],
    ['preparing', 'terminate_preparation', { reason: '筹建期评估不符合建设条件' }, 'terminated'],
    ['operating', 'start_rectification', { grade: 'basic_pass' }, 'rectifying'],
    ['rectifying', 'accept_rectification', { rectificationAccepted: true }, 'operating'],
    ['rectifying', 'revoke', { grounds: [2], reason: '整改验收未通过' }, 'revoked'],
    ['operating', 'revoke', { grounds: [5], reason: '依托单位申请放弃' }, 'revoked'],
    ['operating', 'graduate', { nationalPlatform: '国家技术创新中心' }, 'graduated'],
  ] as const)('from %s, %s is allowed to DST', (from, action, context, to) => {
    expect(centerLifecycle.decide(from, action, 'dst_admin', context)).toMatchObject({ ok: true, to });
  });

  it('A12: preparation that did not pass its evaluation cannot enter formal management', () => {
    expect(
      centerLifecycle.decide('preparing', 'complete_preparation', 'dst_admin', { preparationEvaluationPassed: false }),
    ).toMatchObject({ ok: false, rule: 'A12-preparation-evaluation', article: '第十二条第二款' });
  });

  it('A30: only a basic pass starts a rectification, and the platform may start it itself', () => {
    expect(centerLifecycle.decide('operating', 'start_rectification', 'system', { grade: 'basic_pass' })).toMatchObject(
      { ok: true },
    );
    expect(centerLifecycle.decide('operating', 'start_rectification', 'dst_admin', { grade: 'good' })).toMatchObject({
      ok: false,
      rule: 'A30-grades',
    });
  });

  it.each([
    ['rectifying', 'accept_rectification', { rectificationAccepted: true }, 'operating'],
    ['preparing', 'complete_preparation', { preparationEvaluationPassed: true }, 'operating'],
    ['preparing', 'terminate_preparation', { reason: '筹建期评估不符合建设条件' }, 'terminated'],
  ] as const)(
    'A12, A30: from %s, the platform carries out DST’s decision made in the evaluations service (%s)',
    (from, action, context, to) => {
      expect(centerLifecycle.decide(from, action, 'system', context)).toMatchObject({ ok: true, to });
    },
  );

  it('A31: the platform never revokes or graduates a center by itself', () => {
    expect(centerLifecycle.decide('rectifying', 'revoke', 'system', { grounds: [2], reason: 'x' })).toMatchObject({
      ok: false,
    });
    expect(
      centerLifecycle.decide('operating', 'graduate', 'system', { nationalPlatform: '国家技术创新中心' }),
    ).toMatchObject({ ok: false });
  });

  it('A30: a failed acceptance does not return the center to operation', () => {
    expect(
      centerLifecycle.decide('rectifying', 'accept_rectification', 'dst_admin', { rectificationAccepted: false }),
    ).toMatchObject({ ok: false, rule: 'A30-grades' });
  });

  it.each([
    [{ reason: '未说明情形' }, 'no ground'],
    [{ grounds: [10 as never], reason: 'x' }, 'a ground outside 1–9'],
    [{ grounds: [3] as const }, 'no reason'],
  ])('A31: revocation is refused with %j (%s)', (context, _case) => {
    expect(centerLifecycle.decide('operating', 'revoke', 'dst_admin', context)).toMatchObject({
      ok: false,
      rule: 'A31-revocation',
      article: '第三十一条',
    });
  });

  it('A31(二): a failed rectification acceptance is a ground only for a center under rectification', () => {
    expect(centerLifecycle.decide('operating', 'revoke', 'dst_admin', { grounds: [2], reason: 'x' })).toMatchObject({
      ok: false,
      rule: 'A31-revocation',
    });
    expect(centerLifecycle.decide('rectifying', 'revoke', 'dst_admin', { grounds: [2], reason: 'x' })).toMatchObject({
      ok: true,
    });
  });

  it('A31: every ground a revocation names must apply to the center as it stands', () => {
    expect(centerLifecycle.decide('operating', 'revoke', 'dst_admin', { grounds: [6, 2], reason: 'x' })).toMatchObject({
      ok: false,
      rule: 'A31-revocation',
    });
    expect(centerLifecycle.decide('rectifying', 'revoke', 'dst_admin', { grounds: [2, 6], reason: 'x' })).toMatchObject(
      { ok: true, to: 'revoked' },
    );
  });

  it('DOMAIN.md §4: a center in preparation is terminated, not revoked', () => {
    expect(centerLifecycle.decide('preparing', 'revoke', 'dst_admin', { grounds: [5], reason: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('A31: only DST revokes', () => {
    for (const actor of ['recommender', 'supporting_unit', 'committee_office', 'system'] as const) {
      expect(centerLifecycle.decide('operating', 'revoke', actor, { grounds: [1], reason: 'x' })).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    }
  });

  it('A33: graduation names the national platform', () => {
    expect(centerLifecycle.decide('operating', 'graduate', 'dst_admin', {})).toMatchObject({
      ok: false,
      rule: 'A33-graduation',
    });
  });

  it('revoked, terminated and graduated centers are final', () => {
    for (const status of ['revoked', 'terminated', 'graduated'] as const) {
      expect(centerLifecycle.actionsFor(status, 'dst_admin')).toEqual([]);
    }
  });
});
