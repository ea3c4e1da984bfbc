import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { CommitteeDto, GetCommittee, RecordCommitteeMeeting, SetCommittee } from '@tic/contracts';
import { assessFindings, checkAdvisoryCommittee, checkManagementCommittee, type CommitteeKind, type Finding } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { assertVersion, newId, RpcFailure, withVersionCheck, type Caller, type In } from '@tic/platform';

import { isSupportingUnitOf } from '../access/platform-scope';
import { loadVisibleCenter } from '../platforms/platform-loader';
import type { Platform } from '../platforms/platform.entity';
import { CommitteeMeeting } from './committee-meeting.entity';
import { Committee, type StoredMember } from './committee.entity';

const COMMITTEE = { zh: '委员会', en: 'Committee' };

/** A center's management committee (A16) and technical advisory committee (A17). */
@Injectable()
export class CommitteesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  /** Forms or re-forms the committee; a failed hard rule refuses it, A17's size is kept as a finding. */
  async set(input: In<typeof SetCommittee>, caller: Caller): Promise<CommitteeDto> {
    if (input.termEndsOn < input.termStartsOn) throw RpcFailure.invalidInput([{ path: 'termEndsOn', message: 'must not be before termStartsOn' }]);
    const members: StoredMember[] = input.members.map((m) => ({ name: m.name, orgId: m.orgId, isChair: m.isChair, ...(m.title ? { title: m.title } : {}) }));
    await withVersionCheck(() =>
      this.em().transactional(async (em) => {
        const center = await loadVisibleCenter(em, input.centerId, caller);
        if (!isSupportingUnitOf(caller, center)) throw RpcFailure.forbidden({ zh: '委员会由依托单位组建', en: 'The supporting unit forms the committees' });
        const findings = committeeFindings(input.kind, members, center);
        const [blocking] = assessFindings(findings).blocking;
        if (blocking) throw RpcFailure.violation(blocking);
        const existing = await em.findOne(Committee, { platformId: center.id, kind: input.kind });
        if (existing) {
          if (input.version === undefined) throw RpcFailure.invalidInput([{ path: 'version', message: 'is required to re-form an existing committee' }]);
          assertVersion(input.version, existing.version);
          Object.assign(existing, { termStartsOn: input.termStartsOn, termEndsOn: input.termEndsOn, members, findings });
        } else {
          em.persist(em.create(Committee, { id: newId(), platformId: center.id, kind: input.kind, termStartsOn: input.termStartsOn, termEndsOn: input.termEndsOn, members, findings }));
        }
        await em.flush();
      }),
    ).catch((error: unknown) => {
      // Two first formations at once: the second finds the committee formed, as a stale version would.
      if (error instanceof UniqueConstraintViolationException) {
        throw RpcFailure.of('stale_version', { zh: '该委员会刚由他人组建，请刷新后重试', en: 'Someone formed this committee at the same time; reload and retry' });
      }
      throw error;
    });
    return this.get(input, caller);
  }

  async get(input: In<typeof GetCommittee>, caller: Caller): Promise<CommitteeDto> {
    const em = this.em();
    const center = await loadVisibleCenter(em, input.centerId, caller);
    const committee = await em.findOne(Committee, { platformId: center.id, kind: input.kind });
    if (!committee) throw RpcFailure.notFound(COMMITTEE);
    return this.view(em, committee);
  }

  async recordMeeting(input: In<typeof RecordCommitteeMeeting>, caller: Caller): Promise<CommitteeDto> {
    const em = this.em();
    const center = await loadVisibleCenter(em, input.centerId, caller);
    if (!isSupportingUnitOf(caller, center)) throw RpcFailure.forbidden({ zh: '由依托单位记录委员会会议', en: 'The supporting unit records committee meetings' });
    const committee = await em.findOne(Committee, { platformId: center.id, kind: input.kind });
    if (!committee) throw RpcFailure.of('conflict', { zh: '请先组建该委员会', en: 'Form the committee first' });
    if (input.heldOn > this.clock.today()) throw RpcFailure.invalidInput([{ path: 'heldOn', message: 'must not be in the future' }]);
    if (input.attendees > committee.members.length) {
      throw RpcFailure.invalidInput([{ path: 'attendees', message: `must not exceed the committee's ${committee.members.length} members` }]);
    }
    em.persist(em.create(CommitteeMeeting, { id: newId(), committeeId: committee.id, heldOn: input.heldOn, attendees: input.attendees, minutesRef: input.minutesRef, recordedBy: caller.name, recordedAt: new Date() }));
    await em.flush();
    return this.view(em, committee);
  }

  private async view(em: EntityManager, committee: Committee): Promise<CommitteeDto> {
    const meetings = await em.find(CommitteeMeeting, { committeeId: committee.id }, { orderBy: { heldOn: 'desc' } });
    return {
      id: committee.id,
      version: committee.version,
      centerId: committee.platformId,
      kind: committee.kind,
      termStartsOn: committee.termStartsOn,
      termEndsOn: committee.termEndsOn,
      members: committee.members.map((m) => ({ name: m.name, orgId: m.orgId, isChair: m.isChair, ...(m.title ? { title: m.title } : {}) })),
      findings: committee.findings,
      meetings: meetings.map((m) => ({ id: m.id, heldOn: m.heldOn, attendees: m.attendees, minutesRef: m.minutesRef, recordedAt: m.recordedAt.toISOString() })),
      updatedAt: committee.updatedAt.toISOString(),
    };
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

/** A16 or A17 composition findings for the members, against the center's supporting and co-building units. */
export function committeeFindings(kind: CommitteeKind, members: readonly StoredMember[], center: Platform): Finding[] {
  const input = { members, supportingOrgId: center.supportingUnitId, coBuilderOrgIds: center.coBuilderIds };
  return kind === 'management' ? checkManagementCommittee(input) : checkAdvisoryCommittee(input);
}
