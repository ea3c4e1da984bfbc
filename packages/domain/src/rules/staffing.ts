import { finding, type Finding } from '../findings';
import { insiderTest, type CenterOrganizations } from './insiders';

/** Roles in a center (A14, A18, A19). */
export const STAFF_ROLES = ['director', 'deputy_director', 'researcher', 'technician', 'manager', 'auxiliary'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A18: fixed (full-time) or floating (flexible hire, visiting scholar, postdoc, part-time). */
export type AppointmentKind = 'fixed' | 'floating';

/** A18: the agreement a floating staff member works under. */
export interface WorkAgreement {
  readonly startsOn: string;
  readonly endsOn: string;
  readonly workingTime: string;
  readonly tasks: string;
  readonly documentRef: string;
}

export interface StaffMember {
  readonly name: string;
  readonly role: StaffRole;
  readonly kind: AppointmentKind;
  /** The employer's organization id. */
  readonly orgId: string;
  /** A15, A18: an employment fact the employer records on the person, not the kind of the post. */
  readonly fullTime: boolean;
  readonly agreement?: WorkAgreement;
}

/** A14: deputy directors, as a rule. */
export const MAX_DEPUTY_DIRECTORS = 3;
/** A18: fixed staff, in principle. */
export const MIN_FIXED_STAFF = 10;

/**
 * A15: the director is a full-time employee of the supporting unit; one employed by its construction
 * unit or another of its departments is its employee (A10).
 */
export function checkDirector(
  director: Pick<StaffMember, 'name' | 'orgId' | 'fullTime'> | undefined,
  center: CenterOrganizations,
): Finding {
  if (director === undefined) {
    return finding('A15-director', false, { zh: '未聘任中心主任', en: 'No director is appointed' });
  }
  const fromSupportingUnit = insiderTest(center).ofSupportingUnit(director.orgId);
  const passed = fromSupportingUnit && director.fullTime;
  return finding(
    'A15-director',
    passed,
    passed
      ? {
          zh: `主任${director.name}为依托单位全职人员`,
          en: `The director, ${director.name}, is a full-time employee of the supporting unit`,
        }
      : {
          zh: `主任${director.name}须为依托单位全职人员`,
          en: `The director, ${director.name}, must be a full-time employee of the supporting unit`,
        },
    { fromSupportingUnit, fullTime: director.fullTime },
  );
}

/** A14: at most three deputy directors as a rule. */
export function checkDeputies(deputies: number): Finding {
  const passed = deputies <= MAX_DEPUTY_DIRECTORS;
  return finding(
    'A14-deputies',
    passed,
    passed
      ? { zh: `副主任${deputies}人，未超过3人`, en: `${deputies} deputy directors, within 3` }
      : { zh: `副主任${deputies}人，一般不超过3人`, en: `${deputies} deputy directors; there should be at most 3` },
    { deputies, maximum: MAX_DEPUTY_DIRECTORS },
  );
}

/** A18: at least ten fixed staff in principle. */
export function checkFixedStaffCount(fixedStaff: number): Finding {
  const passed = fixedStaff >= MIN_FIXED_STAFF;
  return finding(
    'A18-fixed-count',
    passed,
    passed
      ? { zh: `固定人员${fixedStaff}人，不少于10人`, en: `${fixedStaff} fixed staff, at least 10` }
      : {
          zh: `固定人员${fixedStaff}人，原则上不少于10人`,
          en: `${fixedStaff} fixed staff; at least 10 are expected in principle`,
        },
    { fixedStaff, minimum: MIN_FIXED_STAFF },
  );
}

/**
 * The days an agreement must cover: an appointment's period when it is made, or the one day a
 * compliance read asks about. An open-ended appointment is covered from its start, and from then on
 * each date asked must fall inside the agreement.
 */
export interface CoveredPeriod {
  readonly startsOn: string;
  readonly endsOn?: string | null;
}

/** A18: a floating staff member works under a complete agreement (working time and tasks) that covers the period. */
export function checkFloatingAgreement(
  member: Pick<StaffMember, 'name' | 'kind' | 'agreement'>,
  period: CoveredPeriod,
): Finding {
  if (member.kind === 'fixed')
    return finding('A18-floating-agreement', true, {
      zh: `${member.name}为固定人员，无需工作协议`,
      en: `${member.name} is fixed staff and needs no work agreement`,
    });
  const agreement = member.agreement;
  const complete =
    agreement !== undefined &&
    [agreement.startsOn, agreement.endsOn, agreement.workingTime, agreement.tasks, agreement.documentRef].every(
      (value) => value.trim().length > 0,
    ) &&
    agreement.startsOn <= agreement.endsOn;
  if (!complete)
    return finding('A18-floating-agreement', false, {
      zh: `流动人员${member.name}须签订工作协议，明确期限、工作时间和任务`,
      en: `Floating staff member ${member.name} needs a work agreement with its period, working time and tasks`,
    });
  const lastDay = period.endsOn ?? period.startsOn;
  const covers = agreement.startsOn <= period.startsOn && lastDay <= agreement.endsOn;
  const asked =
    period.endsOn === undefined || period.endsOn === null ? period.startsOn : `${period.startsOn}–${lastDay}`;
  return finding(
    'A18-floating-agreement',
    covers,
    covers
      ? {
          zh: `${member.name}的工作协议（${agreement.startsOn}至${agreement.endsOn}）完整并覆盖${asked}`,
          en: `${member.name}'s work agreement (${agreement.startsOn} to ${agreement.endsOn}) is complete and covers ${asked}`,
        }
      : {
          zh: `流动人员${member.name}的工作协议期限（${agreement.startsOn}至${agreement.endsOn}）未覆盖${asked}`,
          en: `Floating staff member ${member.name}'s work agreement (${agreement.startsOn} to ${agreement.endsOn}) does not cover ${asked}`,
        },
    { agreementStartsOn: agreement.startsOn, agreementEndsOn: agreement.endsOn },
  );
}

/** A19: at least one dedicated auxiliary staff member for finance and administration. */
export function checkAuxiliaryStaff(auxiliaryStaff: number): Finding {
  const passed = auxiliaryStaff >= 1;
  return finding(
    'A19-aux-staff',
    passed,
    passed
      ? { zh: `专职辅助人员${auxiliaryStaff}人`, en: `${auxiliaryStaff} dedicated auxiliary staff` }
      : { zh: '未配备专职辅助科研与管理人员', en: 'No dedicated auxiliary staff for finance and administration' },
    { auxiliaryStaff },
  );
}

/** A14, A15, A18, A19: every staffing finding for a center's roster on the date asked. */
export function checkStaffing(staff: readonly StaffMember[], center: CenterOrganizations, on: string): Finding[] {
  const count = (predicate: (m: StaffMember) => boolean) => staff.filter(predicate).length;
  return [
    checkDirector(
      staff.find((m) => m.role === 'director'),
      center,
    ),
    checkDeputies(count((m) => m.role === 'deputy_director')),
    checkFixedStaffCount(count((m) => m.kind === 'fixed')),
    // A18: an agreement that has run out by the date asked fails on that date.
    ...staff.filter((m) => m.kind === 'floating').map((m) => checkFloatingAgreement(m, { startsOn: on })),
    checkAuxiliaryStaff(count((m) => m.role === 'auxiliary' && m.kind === 'fixed')),
  ];
}

/** A fixed appointment held elsewhere, as the province-wide registry reports it. */
export interface OtherFixedAppointment {
  readonly platformId: string;
  readonly platformName: string;
  readonly since: string;
}

/**
 * A18: a fixed staff member serves in one provincial platform only. One finding per conflicting
 * platform, or one passing finding where there is none.
 */
export function checkOnePlatform(
  person: { readonly name: string },
  platformId: string,
  otherFixedAppointments: readonly OtherFixedAppointment[],
): Finding[] {
  const conflicts = otherFixedAppointments.filter((a) => a.platformId !== platformId);
  if (conflicts.length === 0) {
    return [
      finding('A18-one-platform', true, {
        zh: `${person.name}未在其他省级平台任固定人员`,
        en: `${person.name} holds no fixed post on another provincial platform`,
      }),
    ];
  }
  return conflicts.map((conflict) =>
    finding(
      'A18-one-platform',
      false,
      {
        zh: `${person.name}自${conflict.since}起已在${conflict.platformName}任固定人员`,
        en: `${person.name} has been fixed staff of ${conflict.platformName} since ${conflict.since}`,
      },
      { platformId: conflict.platformId, platformName: conflict.platformName, since: conflict.since },
    ),
  );
}
