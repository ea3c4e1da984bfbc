import {
  checkDeputies,
  checkDirector,
  checkFloatingAgreement,
  checkOnePlatform,
  type CenterOrganizations,
  type Finding,
  type OtherFixedAppointment,
  type StaffRole,
  type WorkAgreement,
} from '@tic/domain';

export interface ProposedAppointment {
  readonly person: { readonly name: string; readonly employerOrgId: string; readonly fullTime: boolean };
  readonly platform: CenterOrganizations & { readonly id: string; readonly isCenter: boolean };
  readonly role: StaffRole;
  readonly kind: 'fixed' | 'floating';
  readonly startsOn: string;
  readonly endsOn?: string;
  readonly agreement?: WorkAgreement;
  /** Deputy directors the platform has now, this one not counted. */
  readonly deputiesNow: number;
  /** The person's fixed posts on other platforms. */
  readonly fixedElsewhere: readonly OtherFixedAppointment[];
}

/** The rules an appointment is checked against when it is made (A14, A15, A18). */
export function appointmentFindings(proposed: ProposedAppointment): Finding[] {
  const { person, platform, role, kind } = proposed;
  return [
    ...(role === 'director' && platform.isCenter
      ? [
          // A15: full-time is what the employer records on the person, not the kind of this post.
          checkDirector({ name: person.name, orgId: person.employerOrgId, fullTime: person.fullTime }, platform),
        ]
      : []),
    ...(role === 'deputy_director' && platform.isCenter ? [checkDeputies(proposed.deputiesNow + 1)] : []),
    ...(kind === 'floating'
      ? [
          checkFloatingAgreement(
            { name: person.name, kind, ...(proposed.agreement ? { agreement: proposed.agreement } : {}) },
            { startsOn: proposed.startsOn, endsOn: proposed.endsOn ?? null },
          ),
        ]
      : []),
    ...(kind === 'fixed' ? checkOnePlatform(person, platform.id, proposed.fixedElsewhere) : []),
  ];
}
