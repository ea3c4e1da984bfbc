import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { WaiveCenterRule, type ComplianceDto, type GetCompliance } from '@tic/contracts';
import {
  assessCompliance,
  centerWaiverInForce,
  centerWaiverLastDay,
  checkCommitteeMeetings,
  checkOnePlatform,
  checkStaffing,
  finding,
  RULES,
  type Finding,
  type StaffMember,
} from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { newId, requireAccess, requireWaiver, UnitOfWork, type Caller, type In } from '@tic/platform';

import { Appointment } from '../appointments/appointment.entity';
import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { membersAsRegistered } from '../committees/committee-members';
import { Committee } from '../committees/committee.entity';
import { committeeFindings } from '../committees/committees.service';
import { Organization } from '../organizations/organization.entity';
import { Person } from '../people/person.entity';
import { Platform } from '../platforms/platform.entity';
import { CenterWaiver } from './center-waiver.entity';

/** Every finding about a center's people for a year (A14–A19), and what they mean together. */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async get(input: In<typeof GetCompliance>, caller: Caller): Promise<ComplianceDto> {
    const em = this.em.fork();
    const center = await em.getRepository(Platform).findVisibleCenter(input.centerId, caller);
    return this.assess(em, center, input.on ?? this.clock.today(), input.year);
  }

  async waive(input: In<typeof WaiveCenterRule>, caller: Caller): Promise<ComplianceDto> {
    return this.uow.run(
      WaiveCenterRule,
      input,
      async ({ em }) => {
        const platforms = em.getRepository(Platform);
        const center = await platforms.findVisibleCenter(input.centerId, caller);
        requireAccess(caller, 'waiver.record', platforms.facts(center));
        // Waivers of one center take turns, so that two of the same rule cannot both pass the check.
        await platforms.findForUpdate(center.id);
        const today = this.clock.today();
        const now = await this.assess(em, center, today);
        // A waiver whose year has passed no longer covers the finding, and DST may waive it again.
        const inForce = now.waivers.filter((w) => w.inForce);
        requireWaiver(caller, { subject: 'center', rule: input.rule, findings: now.findings, waivers: inForce });
        em.persist(
          em.create(CenterWaiver, {
            id: newId(),
            platformId: center.id,
            rule: input.rule,
            reason: input.reason,
            recordedBy: caller.name,
            recordedAt: new Date(),
            grantedOn: today,
          }),
        );
        return center.id;
      },
      async (em, centerId) =>
        this.assess(em, await em.getRepository(Platform).findOneOrFail({ id: centerId }), this.clock.today()),
    );
  }

  /** The findings on the date asked; committee meetings count for the year asked, or that date's year. */
  private async assess(em: EntityManager, center: Platform, on: string, askedYear?: number): Promise<ComplianceDto> {
    const year = askedYear ?? Number(on.slice(0, 4));
    const posts = await em.getRepository(Appointment).inForce(center.id, on, ['active']);
    const people = new Map(
      (await em.getRepository(Person).find({ id: { $in: posts.map((a) => a.personId) } })).map((p) => [p.id, p]),
    );
    const staff: StaffMember[] = posts.flatMap((a) => {
      const person = people.get(a.personId);
      return person
        ? [
            {
              name: person.name,
              role: a.role,
              kind: a.kind,
              orgId: person.employerOrgId,
              fullTime: person.fullTime,
              ...(a.agreement ? { agreement: a.agreement } : {}),
            },
          ]
        : [];
    });

    // A post DST has already waived the one-platform rule for is shown, but no longer counts against the center.
    const waivedPeople = new Set(
      posts.filter((a) => a.waivers.some((w) => w.rule === 'A18-one-platform')).map((a) => a.personId),
    );
    const onePlatform = await this.onePlatformFindings(
      em,
      center,
      posts.filter((a) => a.kind === 'fixed').flatMap((a) => people.get(a.personId) ?? []),
      on,
    );
    // A14, A15: staff employed by a department below the center's units count as those units' people.
    const organizations = await em.getRepository(Organization).centerOrganizations(
      center,
      staff.map((member) => member.orgId),
    );
    const findings = [
      ...checkStaffing(staff, organizations, on),
      ...onePlatform.map(({ finding: f }) => f),
      ...(await this.committeeFindings(em, center, year)),
    ];

    const waivers = (await em.getRepository(CenterWaiver).ofCenter(center.id)).map((w) => ({
      rule: w.rule,
      article: RULES[w.rule].article,
      reason: w.reason,
      recordedBy: w.recordedBy,
      recordedAt: w.recordedAt.toISOString(),
      grantedOn: w.grantedOn,
      lastDay: centerWaiverLastDay(w.grantedOn),
      inForce: centerWaiverInForce(w.grantedOn, on),
    }));
    const waivedFindings = onePlatform.filter((o) => waivedPeople.has(o.personId)).map((o) => o.finding);
    // DOMAIN.md §3: a center-level waiver lasts one year; after it, the finding counts again.
    const centerWaivedRules = waivers.filter((w) => w.inForce).map((w) => w.rule);
    return {
      centerId: center.id,
      centerName: center.name,
      year,
      on,
      findings,
      ...assessCompliance({ findings, centerWaivedRules, waivedFindings }),
      waivers,
    };
  }

  private async onePlatformFindings(em: EntityManager, center: Platform, fixedStaff: readonly Person[], on: string) {
    const posts = await em.getRepository(Appointment).fixedPosts(
      fixedStaff.map((p) => p.idNumberHash),
      on,
    );
    const elsewhere = posts.filter((post) => post.platformId !== center.id);
    const conflicts = fixedStaff.flatMap((person) =>
      checkOnePlatform(
        person,
        center.id,
        elsewhere.filter((post) => post.personId === person.id),
      )
        .filter((f) => !f.passed)
        .map((f) => ({ personId: person.id, finding: f })),
    );
    if (conflicts.length > 0) return conflicts;
    const passed = finding('A18-one-platform', true, {
      zh: `${fixedStaff.length}名固定人员均未在其他省级平台任固定人员`,
      en: `None of the ${fixedStaff.length} fixed staff is fixed staff of another provincial platform`,
    });
    return [{ personId: '', finding: passed }];
  }

  private async committeeFindings(em: EntityManager, center: Platform, year: number): Promise<Finding[]> {
    const committees = await em.getRepository(Committee).allOfCenter(center.id);
    const meetings = await em.getRepository(CommitteeMeeting).ofCommittees(committees.map((c) => c.id));
    const management = committees.find((c) => c.kind === 'management');
    const advisory = committees.find((c) => c.kind === 'advisory');
    const heldBy = (committee: Committee) =>
      // A16, A17: a written review is no meeting of the committee.
      meetings.filter((m) => m.committeeId === committee.id && m.form === 'meeting').map((m) => m.heldOn);
    const managementMembers = await membersAsRegistered(em, management?.members ?? []);
    const advisoryMembers = await membersAsRegistered(em, advisory?.members ?? []);
    // A16, A17: a member employed by a department below one of the center's units belongs to that unit.
    const organizations = await em.getRepository(Organization).centerOrganizations(
      center,
      [...managementMembers, ...advisoryMembers].map((m) => m.orgId),
    );
    return [
      // A committee not formed yet is judged as one with no members: it has no chair (A17, hard) and
      // no one from the supporting unit (A16, hard), so no waiver of a principle rule can cover it.
      ...committeeFindings('management', managementMembers, organizations),
      checkCommitteeMeetings('management', year, management ? heldBy(management) : []),
      ...committeeFindings('advisory', advisoryMembers, organizations),
      checkCommitteeMeetings('advisory', year, advisory ? heldBy(advisory) : []),
    ];
  }
}
