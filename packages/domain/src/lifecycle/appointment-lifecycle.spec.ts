import { finding } from '../findings';
import type { Actor } from '../roles';
import {
  type AppointmentAction,
  appointmentLifecycle,
  type AppointmentStatus,
  appointmentStatusFor,
} from './appointment-lifecycle';

const oneElsewhere = finding('A18-one-platform', false, { zh: '已在其他平台任固定人员', en: 'Fixed staff elsewhere' });
const notFullTime = finding('A15-director', false, {
  zh: '主任不是依托单位全职人员',
  en: 'The director is not a full-time employee of the supporting unit',
});
const passed = finding('A18-one-platform', true, { zh: '通过', en: 'passes' });

describe('the appointment lifecycle', () => {
  it.each([
    ['A15: the supporting unit ends an active post', 'active', 'end', 'supporting_unit', {}, 'ended'],
    ['A15: a post awaiting a waiver can be ended', 'awaiting_waiver', 'end', 'construction_unit', {}, 'ended'],
    [
      'A15: the director’s appointment is filed',
      'active',
      'file_director',
      'supporting_unit',
      { directorFiling: { filedOn: null } },
      'active',
    ],
    [
      'A15: a director’s post ended without a successor (调整) is filed after it ends',
      'ended',
      'file_director',
      'supporting_unit',
      { directorFiling: { filedOn: null } },
      'ended',
    ],
    ['§2: DST waives on an active post', 'active', 'waive', 'dst_admin', {}, 'active'],
  ] as const)('%s', (_name, from, action, actor, context, to) => {
    expect(appointmentLifecycle.decide(from, action, actor, context)).toMatchObject({ ok: true, to });
  });

  it.each([
    ['an ended post cannot be ended again', 'ended', 'end', 'supporting_unit', {}, 'invalid_transition'],
    [
      'A15: an ended director’s post already filed is not filed again',
      'ended',
      'file_director',
      'supporting_unit',
      { directorFiling: { filedOn: '2027-01-05' } },
      'rule_violation',
    ],
    [
      'A15: a post that is not a director’s is not filed',
      'active',
      'file_director',
      'supporting_unit',
      { directorFiling: null },
      'rule_violation',
    ],
    [
      'A15: a filed appointment is not filed twice',
      'active',
      'file_director',
      'supporting_unit',
      { directorFiling: { filedOn: '2027-01-05' } },
      'rule_violation',
    ],
    ['§2: only DST waives', 'awaiting_waiver', 'waive', 'supporting_unit', {}, 'role_not_allowed'],
    [
      'A15: the construction unit does not file the director',
      'active',
      'file_director',
      'construction_unit',
      { directorFiling: { filedOn: null } },
      'role_not_allowed',
    ],
  ] as Array<[string, AppointmentStatus, AppointmentAction, Actor, object, string]>)(
    '%s',
    (_name, from, action, actor, context, code) => {
      expect(appointmentLifecycle.decide(from, action, actor, context)).toMatchObject({ ok: false, code });
    },
  );
});

describe('the status a new post takes (DOMAIN.md §2)', () => {
  it('A18: a failing principle rule waits for DST’s waiver', () => {
    expect(appointmentStatusFor([oneElsewhere])).toMatchObject({ ok: true, to: 'awaiting_waiver' });
  });
  it('A18: once waived the post is active', () => {
    expect(appointmentStatusFor([oneElsewhere], ['A18-one-platform'])).toMatchObject({ ok: true, to: 'active' });
  });
  it('A15: a failing hard rule refuses the post, naming the article', () => {
    expect(appointmentStatusFor([notFullTime, passed])).toMatchObject({
      ok: false,
      code: 'rule_violation',
      rule: 'A15-director',
      article: '第十五条',
    });
  });
  it('passing findings make an active post', () => {
    expect(appointmentStatusFor([passed])).toMatchObject({ ok: true, to: 'active' });
  });
});
