import { finding } from '../findings';
import type { Role } from '../roles';
import type { RuleId } from './catalogue';
import { decideWaiver, type WaiverSubject } from './waivers';

const fails = (rule: RuleId) => finding(rule, false, { zh: '不符合', en: 'fails' });
const passes = (rule: RuleId) => finding(rule, true, { zh: '符合', en: 'passes' });

type Case = [string, WaiverSubject, RuleId, Role, RuleId[], RuleId[], true | string];

const cases: Case[] = [
  [
    'A18: DST waives a failing one-platform rule on the appointment',
    'appointment',
    'A18-one-platform',
    'dst_admin',
    ['A18-one-platform'],
    [],
    true,
  ],
  [
    '§2: only DST records a waiver',
    'appointment',
    'A18-one-platform',
    'supporting_unit',
    ['A18-one-platform'],
    [],
    'waiver.recorded_by_dst',
  ],
  [
    'A15: a hard rule cannot be waived',
    'application',
    'A15-director',
    'dst_admin',
    ['A15-director'],
    [],
    'waiver.not_a_principle_rule',
  ],
  [
    'A18: a rule that passes has nothing to waive',
    'appointment',
    'A18-one-platform',
    'dst_admin',
    [],
    [],
    'waiver.rule_not_failing',
  ],
  [
    'A18: a rule waived already is not waived twice',
    'appointment',
    'A18-one-platform',
    'dst_admin',
    ['A18-one-platform'],
    ['A18-one-platform'],
    'waiver.already_waived',
  ],
  [
    'A18: the fixed-staff count is waived for the center',
    'center',
    'A18-fixed-count',
    'dst_admin',
    ['A18-fixed-count'],
    [],
    true,
  ],
  [
    'A18: one person’s second post is waived on that appointment, not for the center',
    'center',
    'A18-one-platform',
    'dst_admin',
    ['A18-one-platform'],
    [],
    'waiver.on_the_appointment',
  ],
  [
    'A17: the advisory committee’s size is waived for the center, not on an appointment',
    'appointment',
    'A17-size',
    'dst_admin',
    [],
    [],
    'waiver.on_the_center',
  ],
  [
    'A14: a deputy beyond three found on the appointment is waived there',
    'appointment',
    'A14-deputies',
    'dst_admin',
    ['A14-deputies'],
    [],
    true,
  ],
];

describe('decideWaiver: one decision for applications, appointments and centers (DOMAIN.md §2)', () => {
  it.each(cases)('%s', (...[, subject, rule, role, failing, waivedRules, expected]: Case) => {
    const findings = [...failing.map(fails), passes('A18-one-platform')].filter((f) =>
      f.passed ? !failing.includes(f.rule) : true,
    );
    const decision = decideWaiver({ subject, rule, role, findings, waivedRules });
    if (expected === true) expect(decision).toMatchObject({ ok: true, rule });
    else expect(decision).toMatchObject({ ok: false, code: expected });
  });
});
