import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { RecordCommitteeMeeting, SetCommittee, type CommitteeDto, type GetCommittee } from '@tic/contracts';
import {
  assessFindings,
  checkAdvisoryCommittee,
  checkManagementCommittee,
  type CenterOrganizations,
  type CommitteeKind,
  type Finding,
} from '@tic/domain';
import { Clock } from '@tic/deadlines';
import {
  assertVersion,
  newId,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
  type Caller,
  type In,
} from '@tic/platform';

import { Organization } from '../organizations/organization.entity';
import { NamedPeople } from '../people/named-people';
import { Platform } from '../platforms/platform.entity';
import { UsageQuotas } from '../quotas/usage-quotas';
import { CommitteeMeeting } from './committee-meeting.entity';
import { membersAsRegistered } from './committee-members';
import { COMMITTEE_REFUSALS } from './committee.refusals';
import { Committee, type StoredMember } from './committee.entity';

/** A center's management committee (A16) and technical advisory committee (A17). */
@Injectable()
export class CommitteesService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly namedPeople: NamedPeople,
    private readonly quotas: UsageQuotas,
  ) {}

  /** Forms or re-forms the committee; a failed hard rule refuses it, A17's size is kept as a finding. */
  async set(input: In<typeof SetCommittee>, caller: Caller): Promise<CommitteeDto> {
    if (input.termEndsOn < input.termStartsOn)
      throw RpcFailure.invalidInput([{ path: 'termEndsOn', message: 'must not be before termStartsOn' }]);
    const presented = input.members.filter((m) => m.idNumber !== undefined).length;
    // Spent before the transaction, as an appointment does: the quota's write must not wait for a second connection.
    const answered = await this.uow.answeredBefore(SetCommittee, input);
    if (answered !== undefined) return answered.answer as CommitteeDto;
    if (presented > 0) await this.quotas.spend(caller, 'registrations', presented);
    try {
      return await this.uow.run(
        SetCommittee,
        input,
        async (scope) => {
          const { em } = scope;
          const platforms = em.getRepository(Platform);
          const center = await platforms.findVisibleCenter(input.centerId, caller);
          requireAccess(caller, 'committee.form', platforms.facts(center));
          const members = await this.membersNamed(em, input.members, caller);
          const organizations = await em.getRepository(Organization).centerOrganizations(
            center,
            members.map((m) => m.orgId),
          );
          const findings = committeeFindings(input.kind, members, organizations);
          const [blocking] = assessFindings(findings).blocking;
          if (blocking) throw RpcFailure.violation(blocking);
          const existing = await em.getRepository(Committee).findOfCenterForUpdate(center.id, input.kind);
          if (existing) {
            if (input.version === undefined)
              throw RpcFailure.invalidInput([
                { path: 'version', message: 'is required to re-form an existing committee' },
              ]);
            assertVersion(input.version, existing.version);
            Object.assign(existing, {
              termStartsOn: input.termStartsOn,
              termEndsOn: input.termEndsOn,
              members,
              findings,
            });
            scope.history(existing, { aggregateType: 'committee', action: SetCommittee.subject, findings });
            return existing.id;
          }
          const formed = em.create(Committee, {
            id: newId(),
            platformId: center.id,
            kind: input.kind,
            termStartsOn: input.termStartsOn,
            termEndsOn: input.termEndsOn,
            members,
            findings,
          });
          em.persist(formed);
          scope.history(formed, { aggregateType: 'committee', action: SetCommittee.subject, findings });
          return formed.id;
        },
        async (em, id) => this.view(em, await em.getRepository(Committee).findOneOrFail({ id })),
      );
    } catch (error) {
      // Two first formations at once: the second finds the committee formed, as a stale version would.
      if (error instanceof UniqueConstraintViolationException) throw refuse(COMMITTEE_REFUSALS.formed_meanwhile);
      throw error;
    }
  }

  async get(input: In<typeof GetCommittee>, caller: Caller): Promise<CommitteeDto> {
    const em = this.em.fork();
    const center = await em.getRepository(Platform).findVisibleCenter(input.centerId, caller);
    const committee = await em.getRepository(Committee).findOfCenter(center.id, input.kind);
    if (!committee) throw refuse(COMMITTEE_REFUSALS.not_formed);
    return this.view(em, committee);
  }

  recordMeeting(input: In<typeof RecordCommitteeMeeting>, caller: Caller): Promise<CommitteeDto> {
    return this.uow.run(
      RecordCommitteeMeeting,
      input,
      async ({ em }) => {
        const platforms = em.getRepository(Platform);
        const center = await platforms.findVisibleCenter(input.centerId, caller);
        requireAccess(caller, 'committee.record_meeting', platforms.facts(center));
        const committee = await em.getRepository(Committee).findOfCenter(center.id, input.kind);
        if (!committee) throw refuse(COMMITTEE_REFUSALS.form_first);
        if (input.heldOn > this.clock.today())
          throw RpcFailure.invalidInput([{ path: 'heldOn', message: 'must not be in the future' }]);
        if (input.attendees > committee.members.length) {
          throw RpcFailure.invalidInput([
            { path: 'attendees', message: `must not exceed the committee's ${committee.members.length} members` },
          ]);
        }
        em.persist(
          em.create(CommitteeMeeting, {
            id: newId(),
            committeeId: committee.id,
            form: input.form,
            heldOn: input.heldOn,
            attendees: input.attendees,
            minutesRef: input.minutesRef,
            recordedBy: caller.name,
            recordedAt: new Date(),
          }),
        );
        return committee.id;
      },
      async (em, id) => this.view(em, await em.getRepository(Committee).findOneOrFail({ id })),
    );
  }

  /** Each member a person of the registry the unit may name, once; their employer is the registry's. */
  private async membersNamed(
    em: EntityManager,
    named: In<typeof SetCommittee>['members'],
    caller: Caller,
  ): Promise<StoredMember[]> {
    const members: StoredMember[] = [];
    for (const [index, member] of named.entries()) {
      const person = await this.namedPeople.resolve(em, member, caller);
      if (members.some((m) => m.personId === person.id))
        throw RpcFailure.invalidInput([
          { path: `members.${index}`, message: 'names a person already on the committee' },
        ]);
      members.push({
        personId: person.id,
        name: person.name,
        orgId: person.employerOrgId,
        isChair: member.isChair,
        ...(member.title ? { title: member.title } : {}),
      });
    }
    return members;
  }

  private async view(em: EntityManager, committee: Committee): Promise<CommitteeDto> {
    const meetings = await em.getRepository(CommitteeMeeting).ofCommittees([committee.id]);
    const members = await membersAsRegistered(em, committee.members);
    return {
      id: committee.id,
      version: committee.version,
      centerId: committee.platformId,
      kind: committee.kind,
      termStartsOn: committee.termStartsOn,
      termEndsOn: committee.termEndsOn,
      members: members.map((m) => ({
        personId: m.personId ?? null,
        name: m.name,
        orgId: m.orgId,
        isChair: m.isChair,
        ...(m.title ? { title: m.title } : {}),
      })),
      findings: committee.findings,
      meetings: meetings.map((m) => ({
        id: m.id,
        form: m.form,
        heldOn: m.heldOn,
        attendees: m.attendees,
        minutesRef: m.minutesRef,
        recordedAt: m.recordedAt.toISOString(),
      })),
      updatedAt: committee.updatedAt.toISOString(),
    };
  }
}

/** A16 or A17 composition findings for the members, against the center's insider organizations (A10). */
export function committeeFindings(
  kind: CommitteeKind,
  members: readonly StoredMember[],
  center: CenterOrganizations,
): Finding[] {
  const input = { members, center };
  return kind === 'management' ? checkManagementCommittee(input) : checkAdvisoryCommittee(input);
}
