import { finding, type Finding } from '../findings';
import type { Actor } from '../roles';
import {
  APPLICATION_STATUSES,
  applicationLifecycle,
  type ApplicationAction,
  type ApplicationContext,
  type ApplicationStatus,
  trackFindings,
} from './application-lifecycle';

const pass = (rule: Parameters<typeof finding>[0]) => finding(rule, true, { zh: '通过', en: 'passed' });
const fail = (rule: Parameters<typeof finding>[0]) => finding(rule, false, { zh: '未通过', en: 'failed' });
const eligible: Finding[] = [
  pass('A12.1-province'),
  pass('A12.1-legal-person'),
  pass('A12.3-area'),
  pass('A12.3-equipment'),
  pass('A12.4-staff'),
  pass('A37-naming'),
];

// The happy path of A13, each step with the role that takes it and the context its guards read.
const HAPPY_PATH: Array<[ApplicationStatus, ApplicationAction, Actor, ApplicationContext, ApplicationStatus]> = [
  ['draft', 'submit', 'construction_unit', { callWindowOpen: true, eligibility: eligible }, 'supporting_review'],
  ['supporting_review', 'pass_supporting_review', 'supporting_unit', {}, 'recommender_review'],
  ['recommender_review', 'recommend', 'recommender', {}, 'formal_review'],
  ['formal_review', 'pass_formal_review', 'dst_admin', { eligibility: eligible }, 'expert_review'],
  ['expert_review', 'shortlist', 'dst_admin', { expertScores: 5, expertsAwaited: 0 }, 'shortlisted'],
  ['shortlisted', 'start_public_notice', 'dst_admin', {}, 'public_notice'],
  [
    'public_notice',
    'approve',
    'dst_admin',
    {
      noticeEnded: true,
      openObjections: 0,
      noticeEndsOn: '2026-03-06',
      approvedOn: '2026-03-09',
      track: 'formal',
      eligibility: eligible,
    },
    'approved',
  ],
  ['approved', 'file', 'dst_admin', {}, 'filed'],
];

describe('the application lifecycle (A11, A13)', () => {
  it.each(HAPPY_PATH)('A13: from %s, %s by %s is allowed', (from, action, actor, context, to) => {
    expect(applicationLifecycle.decide(from, action, actor, context)).toMatchObject({ ok: true, to });
  });

  it.each(HAPPY_PATH.filter(([, , actor]) => actor !== 'dst_admin'))(
    'A13: from %s, %s is refused to dst_admin acting for another role',
    (from, action, _actor, context) => {
      expect(applicationLifecycle.decide(from, action, 'dst_admin', context)).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    },
  );

  it.each(HAPPY_PATH.filter(([, , actor]) => actor === 'dst_admin'))(
    'A13: from %s, %s is refused to a recommender',
    (from, action, _actor, context) => {
      expect(applicationLifecycle.decide(from, action, 'recommender', context)).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    },
  );

  it('an action that does not leave the state is an invalid transition', () => {
    expect(applicationLifecycle.decide('draft', 'approve', 'dst_admin', {})).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(applicationLifecycle.decide('filed', 'return', 'dst_admin', { comment: 'x' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('A11: a submission outside the call window is refused with the article', () => {
    expect(
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', {
        callWindowOpen: false,
        eligibility: eligible,
      }),
    ).toMatchObject({ ok: false, code: 'rule_violation', rule: 'A11-call-window', article: '第十一条' });
  });

  it('A12: a hard condition blocks submission; a principle one does not', () => {
    const outside = [...eligible, fail('A12.1-province')];
    expect(
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', {
        callWindowOpen: true,
        eligibility: outside,
      }),
    ).toMatchObject({ ok: false, code: 'rule_violation', rule: 'A12.1-province', article: '第十二条第（一）项' });
    const small = [...eligible, fail('A12.3-area')];
    expect(
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', { callWindowOpen: true, eligibility: small }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['supporting_review', 'supporting_unit'],
    ['recommender_review', 'recommender'],
    ['formal_review', 'dst_admin'],
    ['expert_review', 'dst_admin'],
    ['shortlisted', 'dst_admin'],
  ] as const)('A13: at %s only the %s returns or rejects, and only with comments', (from, reviewer) => {
    expect(applicationLifecycle.decide(from, 'return', reviewer, { comment: '请补充材料' })).toMatchObject({
      ok: true,
      to: 'draft',
    });
    expect(applicationLifecycle.decide(from, 'reject', reviewer, { comment: '不符合条件' })).toMatchObject({
      ok: true,
      to: 'rejected',
    });
    expect(applicationLifecycle.decide(from, 'return', reviewer, { comment: '  ' })).toMatchObject({
      ok: false,
      rule: 'A13-review-comment',
    });
    const others = (['supporting_unit', 'recommender', 'dst_admin', 'construction_unit'] as const).filter(
      (r) => r !== reviewer,
    );
    for (const other of others) {
      expect(applicationLifecycle.decide(from, 'return', other, { comment: 'x' })).toMatchObject({
        code: 'role_not_allowed',
      });
    }
  });

  it('A12: eligibility findings that leave out a rule are a programmer error, not a pass', () => {
    expect(() =>
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', { callWindowOpen: true, eligibility: [] }),
    ).toThrow(/A12.1-province/);
  });

  it('A13(四): a further objection during the review of one is taken into the same review', () => {
    const named = { objection: { realName: true, grounds: '另有异议', withinWindow: true } };
    expect(applicationLifecycle.decide('objection_review', 'file_objection', 'public', named)).toMatchObject({
      ok: true,
      to: 'objection_review',
    });
  });

  it.each([
    [2, 0, false],
    [3, 0, true],
    [5, 0, true],
    [4, 1, false],
    [3, 2, false],
  ])(
    'A13(三): %i expert scores, %i drawn expert(s) still to score → shortlist allowed %s',
    (expertScores, expertsAwaited, ok) => {
      expect(
        applicationLifecycle.decide('expert_review', 'shortlist', 'dst_admin', { expertScores, expertsAwaited }),
      ).toMatchObject({ ok });
    },
  );

  it('A13(三): a shortlist refused for missing scores says how many drawn experts are awaited', () => {
    const decision = applicationLifecycle.decide('expert_review', 'shortlist', 'dst_admin', {
      expertScores: 4,
      expertsAwaited: 1,
    });
    expect(decision).toMatchObject({ ok: false, rule: 'A13-expert-review', article: '第十三条第（三）项' });
    expect(decision.ok ? '' : decision.message.en).toContain('1 drawn expert');
  });

  describe('A11: a resubmission after a return is not bound by the call window', () => {
    const submit = (context: ApplicationContext) =>
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', { eligibility: eligible, ...context });

    it.each([
      ['no date set, window closed', { reviseBy: null, today: '2026-05-01' }, true],
      ['before the date', { reviseBy: '2026-05-10', today: '2026-05-09' }, true],
      ['on the date', { reviseBy: '2026-05-10', today: '2026-05-10' }, true],
      ['the day after the date', { reviseBy: '2026-05-10', today: '2026-05-11' }, false],
    ] as const)('A11: resubmitted %s → allowed %s', (_name, revision, ok) => {
      expect(submit({ callWindowOpen: false, revision })).toMatchObject({ ok });
    });

    it('A11: a late resubmission is refused with the rule and article, and the window is not read', () => {
      expect(submit({ revision: { reviseBy: '2026-05-10', today: '2026-05-11' } })).toMatchObject({
        ok: false,
        code: 'rule_violation',
        rule: 'A11-call-window',
        article: '第十一条',
      });
    });

    it('A11: a first submission outside the window is still refused', () => {
      expect(submit({ callWindowOpen: false })).toMatchObject({ ok: false, rule: 'A11-call-window' });
    });
  });

  it.each([
    ['on the last notice day', '2026-03-06', false],
    ['the day after', '2026-03-07', true],
    ['before the notice ended', '2026-03-04', false],
  ])('A13(四): approval dated %s (%s) allowed %s', (_name, approvedOn, ok) => {
    const decision = applicationLifecycle.decide('public_notice', 'approve', 'dst_admin', {
      track: 'formal',
      eligibility: eligible,
      noticeEnded: true,
      openObjections: 0,
      noticeEndsOn: '2026-03-06',
      approvedOn,
    });
    expect(decision).toMatchObject(ok ? { ok } : { ok, rule: 'A13-public-notice', article: '第十三条第（四）项' });
  });

  it.each([
    ['with reasons', { comment: '经核查，申报材料不实' }, true],
    ['without reasons', {}, false],
  ])('A13(四), DOMAIN.md §4: DST rejects during the public notice %s → allowed %s', (_name, context, ok) => {
    expect(applicationLifecycle.decide('public_notice', 'reject', 'dst_admin', context)).toMatchObject(
      ok ? { ok, to: 'rejected' } : { ok, rule: 'A13-review-comment' },
    );
    expect(applicationLifecycle.decide('public_notice', 'reject', 'recommender', context)).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it.each([
    ['with reasons', { comment: '依托单位申请撤回' }, true],
    ['without reasons', {}, false],
  ])('A13(四), DOMAIN.md §4: DST withdraws an application from its notice %s → allowed %s', (_name, context, ok) => {
    expect(applicationLifecycle.decide('public_notice', 'withdraw', 'dst_admin', context)).toMatchObject(
      ok ? { ok, to: 'withdrawn' } : { ok, rule: 'A13-review-comment' },
    );
    expect(applicationLifecycle.decide('shortlisted', 'withdraw', 'dst_admin', context)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('A13(四): approval waits for the end of the notice and for every objection to be decided', () => {
    const base = {
      track: 'formal' as const,
      eligibility: eligible,
      noticeEndsOn: '2026-03-06',
      approvedOn: '2026-03-09',
    };
    expect(
      applicationLifecycle.decide('public_notice', 'approve', 'dst_admin', {
        ...base,
        noticeEnded: false,
        openObjections: 0,
      }),
    ).toMatchObject({ ok: false, rule: 'A13-public-notice', article: '第十三条第（四）项' });
    expect(
      applicationLifecycle.decide('public_notice', 'approve', 'dst_admin', {
        ...base,
        noticeEnded: true,
        openObjections: 1,
      }),
    ).toMatchObject({ ok: false, rule: 'A13-public-notice' });
  });

  it('A13(四): a named, reasoned objection in the window holds the application; an anonymous one does not', () => {
    const named = { objection: { realName: true, grounds: '数据不实', withinWindow: true } };
    expect(applicationLifecycle.decide('public_notice', 'file_objection', 'public', named)).toMatchObject({
      ok: true,
      to: 'objection_review',
    });
    const anonymous = { objection: { realName: false, grounds: '数据不实', withinWindow: true } };
    expect(applicationLifecycle.decide('public_notice', 'file_objection', 'public', anonymous)).toMatchObject({
      ok: false,
      rule: 'A13-objection',
    });
    const late = { objection: { realName: true, grounds: '数据不实', withinWindow: false } };
    expect(applicationLifecycle.decide('public_notice', 'file_objection', 'public', late)).toMatchObject({
      ok: false,
      rule: 'A13-objection',
    });
  });

  it('A13(四): DST upholds an objection (rejected) or dismisses it (back to the notice)', () => {
    expect(
      applicationLifecycle.decide('objection_review', 'uphold_objection', 'dst_admin', { comment: '异议成立' }),
    ).toMatchObject({ ok: true, to: 'rejected' });
    expect(
      applicationLifecycle.decide('objection_review', 'dismiss_objection', 'dst_admin', { comment: '异议不成立' }),
    ).toMatchObject({ ok: true, to: 'public_notice' });
  });

  describe('approval and waivers (DOMAIN.md §2)', () => {
    const approve = (
      context: Partial<ApplicationContext>,
      waivers: Parameters<typeof applicationLifecycle.decide>[4] = [],
    ) =>
      applicationLifecycle.decide(
        'public_notice',
        'approve',
        'dst_admin',
        {
          noticeEnded: true,
          openObjections: 0,
          noticeEndsOn: '2026-03-06',
          approvedOn: '2026-03-09',
          track: 'formal',
          eligibility: eligible,
          ...context,
        },
        waivers,
      );

    it('A12(三): a principle finding needs a recorded waiver', () => {
      const small = [...eligible, fail('A12.3-area')];
      expect(approve({ eligibility: small })).toMatchObject({
        ok: false,
        code: 'waiver_required',
        rule: 'A12.3-area',
        article: '第十二条第（三）项',
      });
      expect(approve({ eligibility: small }, ['A12.3-area'])).toMatchObject({ ok: true, to: 'approved' });
    });

    it('A12(一): a hard finding cannot be waived', () => {
      expect(approve({ eligibility: [...eligible, fail('A12.1-legal-person')] }, ['A12.1-legal-person'])).toMatchObject(
        { ok: false, code: 'rule_violation' },
      );
    });

    it('A12 last paragraph: approval for preparation is a relaxation DST must justify', () => {
      expect(approve({ track: 'preparation' })).toMatchObject({
        ok: false,
        code: 'waiver_required',
        rule: 'A12-relaxed',
        article: '第十二条第二款',
      });
      expect(approve({ track: 'preparation' }, ['A12-relaxed'])).toMatchObject({ ok: true });
    });

    it('advisory findings are kept with the decision but never block', () => {
      const decision = approve({ eligibility: [...eligible, fail('A12.2-achievements')] });
      expect(decision).toMatchObject({ ok: true });
      expect(decision.findings.map((f) => f.rule)).toContain('A12.2-achievements');
    });
  });

  it('a missing context field is a programmer error, not a refusal', () => {
    expect(() =>
      applicationLifecycle.decide('draft', 'submit', 'construction_unit', { eligibility: eligible }),
    ).toThrow(TypeError);
  });

  it('the final states allow nothing', () => {
    for (const status of ['filed', 'rejected'] as const) {
      for (const actor of ['dst_admin', 'construction_unit', 'public'] as const) {
        expect(applicationLifecycle.actionsFor(status, actor)).toEqual([]);
      }
    }
  });

  it('every state but the final ones can be left', () => {
    const leavable = new Set(applicationLifecycle.transitions.map((t) => t.from));
    expect(APPLICATION_STATUSES.filter((s) => !leavable.has(s))).toEqual(['filed', 'rejected', 'withdrawn']);
  });
});

describe('trackFindings (A12 last paragraph)', () => {
  it.each([
    ['A12: a formal approval relaxes nothing', 'formal', []],
    ['A12: approval for preparation relaxes the standards, a principle DST waives', 'preparation', ['A12-relaxed']],
  ] as const)('%s', (_name, track, rules) => {
    const findings = trackFindings(track);
    expect(findings.map((f) => f.rule)).toEqual(rules);
    expect(findings.every((f) => !f.passed && f.severity === 'principle')).toBe(true);
  });
});
