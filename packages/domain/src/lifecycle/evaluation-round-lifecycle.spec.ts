import { DEFAULT_INDICATOR_SYSTEM } from '../rules/evaluation-indicators';
import {
  evaluationAssignmentLifecycle,
  evaluationRoundLifecycle,
  proposesRevocationForNonParticipation,
} from './evaluation-round-lifecycle';

const thresholds = { excellent: 90, good: 80, basicPass: 60 };
const opening = { centerCount: 12, indicatorSystem: DEFAULT_INDICATOR_SYSTEM, thresholds };

describe('the evaluation round (A28–A30)', () => {
  it.each([
    ['draft', 'open', opening, 'open'],
    ['open', 'start_grading', { unsettledAssignments: 0 }, 'grading'],
    ['grading', 'publish', { ungradedCenters: 0 }, 'published'],
  ] as const)('A28: DST takes a round from %s by %s', (from, action, context, to) => {
    expect(evaluationRoundLifecycle.decide(from, action, 'dst_admin', context)).toMatchObject({ ok: true, to });
  });

  it.each([
    ['without centers', { ...opening, centerCount: 0 }, 'A28-round-procedure'],
    [
      'with weights that do not sum to 100',
      { ...opening, indicatorSystem: { dimensions: [] } },
      'A29-indicator-system',
    ],
    ['with thresholds out of order', { ...opening, thresholds: { ...thresholds, good: 95 } }, 'A30-grade-thresholds'],
  ] as const)('A29: a round does not open %s', (_, context, rule) => {
    expect(evaluationRoundLifecycle.decide('draft', 'open', 'dst_admin', context)).toMatchObject({ ok: false, rule });
  });

  it('A30: grading waits for every assignment; the announcement for every grade', () => {
    expect(
      evaluationRoundLifecycle.decide('open', 'start_grading', 'dst_admin', { unsettledAssignments: 2 }),
    ).toMatchObject({
      ok: false,
      rule: 'A28-round-procedure',
    });
    expect(evaluationRoundLifecycle.decide('grading', 'publish', 'dst_admin', { ungradedCenters: 1 })).toMatchObject({
      ok: false,
    });
  });

  it('A28: only DST runs a round', () => {
    expect(evaluationRoundLifecycle.decide('draft', 'open', 'evaluator', opening)).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });
});

describe('an assignment of a center to an agency (A29)', () => {
  it('A29: the agency scores and submits with every indicator and its report', () => {
    expect(evaluationAssignmentLifecycle.decide('assigned', 'start', 'evaluator', {})).toMatchObject({
      ok: true,
      to: 'scoring',
    });
    expect(
      evaluationAssignmentLifecycle.decide('scoring', 'submit', 'evaluator', {
        missingIndicators: [],
        reportGiven: true,
      }),
    ).toMatchObject({ ok: true, to: 'submitted' });
  });

  it.each([
    ['indicators left', { missingIndicators: ['talent'], reportGiven: true }],
    ['no written report', { missingIndicators: [], reportGiven: false }],
  ])('A29: an agency does not submit with %s', (_, context) => {
    expect(evaluationAssignmentLifecycle.decide('scoring', 'submit', 'evaluator', context)).toMatchObject({
      ok: false,
      rule: 'A29-indicator-scores',
    });
  });

  it.each([
    ['the supporting unit declines with a reason', 'decline', 'supporting_unit', { reason: '依托单位重组' }, true],
    ['the supporting unit declines without one', 'decline', 'supporting_unit', { reason: '' }, false],
    ['the agency records no participation', 'record_non_participation', 'evaluator', { reason: '拒绝现场考察' }, true],
    ['the deadline passed', 'record_non_participation', 'system', { dueOn: '2027-05-31', today: '2027-06-01' }, true],
    [
      'the deadline has not passed',
      'record_non_participation',
      'system',
      { dueOn: '2027-05-31', today: '2027-05-31' },
      false,
    ],
  ] as const)('A31(四): %s', (_, action, actor, context, ok) => {
    const decision = evaluationAssignmentLifecycle.decide('assigned', action, actor, context);
    expect(decision).toMatchObject({ ok });
    if (decision.ok) expect(proposesRevocationForNonParticipation(decision.to)).toBe(true);
  });

  it('A29: a submitted assignment proposes nothing', () => {
    expect(proposesRevocationForNonParticipation('submitted')).toBe(false);
  });
});
