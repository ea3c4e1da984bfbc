import { finding, type Finding } from '../findings';
import { insiderTest, type CenterOrganizations, type InsiderTest } from './insiders';

export interface CommitteeMember {
  readonly name: string;
  /** The member's employer as the registry holds it, never a value typed next to the member. */
  readonly orgId: string;
  readonly isChair?: boolean;
}

export interface CommitteeInput {
  readonly members: readonly CommitteeMember[];
  readonly center: CenterOrganizations;
}

/** A17: technical advisory committee size. */
export const ADVISORY_COMMITTEE_SIZE = { min: 7, max: 11 } as const;

/** A17: size, share of insiders and the chair of the technical advisory committee. */
export function checkAdvisoryCommittee(input: CommitteeInput): Finding[] {
  const size = input.members.length;
  const { isInsider } = insiderTest(input.center);
  const insiders = input.members.filter((m) => isInsider(m.orgId)).length;
  const maxInsiders = Math.floor(size / 3);
  const sizeOk = size >= ADVISORY_COMMITTEE_SIZE.min && size <= ADVISORY_COMMITTEE_SIZE.max;

  return [
    finding(
      'A17-size',
      sizeOk,
      sizeOk
        ? { zh: `技术指导委员会${size}人，在7至11人之间`, en: `${size} members, within 7 to 11` }
        : { zh: `技术指导委员会${size}人，一般应为7至11人`, en: `${size} members; the committee should have 7 to 11` },
      { size },
    ),
    finding(
      'A17-insiders',
      insiders <= maxInsiders,
      insiders <= maxInsiders
        ? {
            zh: `依托单位和共建单位人员${insiders}人，未超过三分之一（${maxInsiders}人）`,
            en: `${insiders} members from the supporting and co-building units, within one third (${maxInsiders})`,
          }
        : {
            zh: `依托单位和共建单位人员${insiders}人，超过三分之一（最多${maxInsiders}人）`,
            en: `${insiders} members from the supporting and co-building units exceed one third (at most ${maxInsiders})`,
          },
      { insiders, maxInsiders, size },
    ),
    checkChair(input.members, isInsider),
  ];
}

function checkChair(members: readonly CommitteeMember[], isInsider: (orgId: string) => boolean): Finding {
  const chairs = members.filter((m) => m.isChair === true);
  const [chair] = chairs;
  if (chair === undefined || chairs.length > 1) {
    return finding(
      'A17-chair',
      false,
      {
        zh: chairs.length === 0 ? '未明确技术指导委员会主任' : '技术指导委员会主任只能有一人',
        en:
          chairs.length === 0
            ? 'No chair of the advisory committee is named'
            : 'The advisory committee has more than one chair',
      },
      { chairs: chairs.length },
    );
  }
  const outsider = !isInsider(chair.orgId);
  return finding(
    'A17-chair',
    outsider,
    outsider
      ? {
          zh: `主任${chair.name}来自依托单位和共建单位以外`,
          en: `The chair, ${chair.name}, is from neither the supporting nor a co-building unit`,
        }
      : {
          zh: `主任${chair.name}来自依托单位或共建单位，应由外单位专家担任`,
          en: `The chair, ${chair.name}, is from the supporting or a co-building unit; an outside expert must chair`,
        },
  );
}

/**
 * A16: the management committee consists only of people from the supporting unit (its construction
 * unit and departments included, A10) and the co-building units, and represents each co-building unit.
 */
export function checkManagementCommittee(input: CommitteeInput): Finding[] {
  const insiders = insiderTest(input.center);
  const outsiders = input.members.filter((m) => !insiders.isInsider(m.orgId));
  const fromSupportingUnit = input.members.some((m) => insiders.ofSupportingUnit(m.orgId));
  if (!fromSupportingUnit) {
    return [
      finding('A16-mgmt-committee', false, {
        zh: '管理委员会须有依托单位人员',
        en: 'The management committee must include people from the supporting unit',
      }),
    ];
  }
  const names = outsiders.map((m) => m.name).join('、');
  return [
    finding(
      'A16-mgmt-committee',
      outsiders.length === 0,
      outsiders.length === 0
        ? {
            zh: `管理委员会${input.members.length}人均来自依托单位或共建单位`,
            en: `All ${input.members.length} members are from the supporting or co-building units`,
          }
        : {
            zh: `管理委员会成员${names}不属于依托单位或共建单位`,
            en: `Members not from the supporting or co-building units: ${outsiders.map((m) => m.name).join(', ')}`,
          },
      { outsiders: outsiders.length },
    ),
    ...(input.center.coBuilderIds.length > 0 ? [checkCoBuildersRepresented(input, insiders)] : []),
  ];
}

/** A16 (principle): where there are co-building units, each of them has a member on the management committee. */
function checkCoBuildersRepresented(input: CommitteeInput, insiders: InsiderTest): Finding {
  const represented = new Set(input.members.map((m) => insiders.coBuilderOf(m.orgId)));
  const missing = input.center.coBuilderIds.filter((id) => !represented.has(id));
  const total = input.center.coBuilderIds.length;
  return finding(
    'A16-co-builders',
    missing.length === 0,
    missing.length === 0
      ? { zh: `${total}家共建单位均有人员参加管理委员会`, en: `Each of the ${total} co-building units has a member` }
      : {
          zh: `${missing.length}家共建单位无人员参加管理委员会`,
          en: `${missing.length} of the ${total} co-building units have no member on the management committee`,
        },
    { coBuilders: total, unrepresented: missing.length },
  );
}

export type CommitteeKind = 'management' | 'advisory';

/** A16, A17: each committee meets at least once in the year. */
export function checkCommitteeMeetings(
  committee: CommitteeKind,
  year: number,
  meetingDates: readonly string[],
): Finding {
  const held = meetingDates.filter((date) => date.startsWith(`${year}-`)).length;
  const rule = committee === 'management' ? 'A16-meeting' : 'A17-meeting';
  const label =
    committee === 'management'
      ? { zh: '管理委员会', en: 'management committee' }
      : { zh: '技术指导委员会', en: 'technical advisory committee' };
  return finding(
    rule,
    held > 0,
    held > 0
      ? { zh: `${label.zh}${year}年召开会议${held}次`, en: `The ${label.en} met ${held} time(s) in ${year}` }
      : { zh: `${label.zh}${year}年未召开会议`, en: `The ${label.en} did not meet in ${year}` },
    { year, meetings: held },
  );
}
