import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ComplianceDto, GetCompliance, WaiveCenterRule } from '@tic/contracts';
import { checkCommitteeMeetings, checkOnePlatform, checkStaffing, finding, RULES, type Finding, type RuleId, type StaffMember } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { newId, RpcFailure, type Caller, type In } from '@tic/platform';

import { Appointment } from '../appointments/appointment.entity';
import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { Committee } from '../committees/committee.entity';
import { committeeFindings } from '../committees/committees.service';
import { Person } from '../people/person.entity';
import { loadVisibleCenter } from '../platforms/platform-loader';
import type { Platform } from '../platforms/platform.entity';
import { findFixedPosts } from '../roster/fixed-posts';
import { CenterWaiver } from './center-waiver.entity';

/** The principle rules about a center's staffing as a whole, which DST waives for the center. */
const CENTER_WAIVABLE: readonly RuleId[] = ['A14-deputies', 'A17-size', 'A18-fixed-count'];

/** Every finding about a center's people for a year (A14–A19), and what they mean together. */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {}

  async get(input: In<typeof GetCompliance>, caller: Caller): Promise<ComplianceDto> {
    const em = this.em();
    const center = await loadVisibleCenter(em, input.centerId, caller);
    const year = input.year ?? Number(this.clock.today().slice(0, 4));
    const today = this.clock.today();

    const posts = (await em.find(Appointment, { platformId: center.id, status: 'active' })).filter((a) => a.endsOn === null || a.endsOn >= today);
    const people = new Map((await em.find(Person, { id: { $in: posts.map((a) => a.personId) } })).map((p) => [p.id, p]));
    const staff: StaffMember[] = posts.flatMap((a) => {
      const person = people.get(a.personId);
      return person ? [{ name: person.name, role: a.role, kind: a.kind, orgId: person.employerOrgId, fullTime: a.kind === 'fixed', ...(a.agreement ? { agreement: a.agreement } : {}) }] : [];
    });

    // A post DST has already waived the one-platform rule for is shown, but no longer counts against the center.
    const waivedPeople = new Set(posts.filter((a) => a.waivers.some((w) => w.rule === 'A18-one-platform')).map((a) => a.personId));
    const onePlatform = await this.onePlatformFindings(em, center, posts.filter((a) => a.kind === 'fixed').flatMap((a) => people.get(a.personId) ?? []), today);
    const findings = [
      ...checkStaffing(staff, center.supportingUnitId),
      ...onePlatform.map(({ finding: f }) => f),
      ...(await this.committeeFindings(em, center, year)),
    ];

    const waivers = await em.find(CenterWaiver, { platformId: center.id }, { orderBy: { recordedAt: 'asc' } });
    const centerWaived = new Set(waivers.map((w) => w.rule));
    const failed = (severity: string) => findings.filter((f) => !f.passed && f.severity === severity);
    const isWaived = (f: Finding) =>
      centerWaived.has(f.rule) || (f.rule === 'A18-one-platform' && onePlatform.some((o) => o.finding === f && waivedPeople.has(o.personId)));
    const blocking = rules(failed('hard'));
    const unwaived = rules(failed('principle').filter((f) => !isWaived(f)));
    return {
      centerId: center.id,
      centerName: center.name,
      year,
      findings,
      blocking,
      unwaived,
      waived: rules(failed('principle').filter(isWaived)),
      advisories: rules(failed('advisory')),
      compliant: blocking.length === 0 && unwaived.length === 0,
      waivers: waivers.map((w) => ({ rule: w.rule, article: RULES[w.rule].article, reason: w.reason, recordedBy: w.recordedBy, recordedAt: w.recordedAt.toISOString() })),
    };
  }

  async waive(input: In<typeof WaiveCenterRule>, caller: Caller): Promise<ComplianceDto> {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可记录豁免', en: 'Only DST records waivers' });
    const rule = RULES[input.rule];
    if (!CENTER_WAIVABLE.includes(input.rule)) {
      throw RpcFailure.of('rule_violation', {
        zh: rule.severity === 'principle' ? `${rule.article}的该项规定须针对具体聘任豁免` : `${rule.article}的该项规定不能豁免`,
        en: rule.severity === 'principle' ? `${input.rule} is waived on the appointment it concerns` : `${input.rule} cannot be waived`,
      }, { rule: input.rule, article: rule.article });
    }
    const em = this.em();
    await loadVisibleCenter(em, input.centerId, caller);
    const now = await this.get({ centerId: input.centerId }, caller);
    if (!now.unwaived.includes(input.rule)) {
      throw RpcFailure.of('conflict', { zh: `该中心目前没有待豁免的${rule.article}事项`, en: `${input.rule} does not fail for this center now; there is nothing to waive` }, { rule: input.rule, article: rule.article });
    }
    try {
      await em.persist(em.create(CenterWaiver, { id: newId(), platformId: input.centerId, rule: input.rule, reason: input.reason, recordedBy: caller.name, recordedAt: new Date() })).flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      throw RpcFailure.of('conflict', { zh: '该规则已豁免', en: `${input.rule} is already waived for this center` });
    }
    return this.get({ centerId: input.centerId }, caller);
  }

  private async onePlatformFindings(em: EntityManager, center: Platform, fixedStaff: readonly Person[], today: string) {
    const posts = await findFixedPosts(em, fixedStaff.map((p) => p.idNumberHash), today);
    const elsewhere = posts.filter((post) => post.platformId !== center.id);
    const conflicts = fixedStaff.flatMap((person) =>
      checkOnePlatform(person, center.id, elsewhere.filter((post) => post.personId === person.id)).filter((f) => !f.passed).map((f) => ({ personId: person.id, finding: f })),
    );
    if (conflicts.length > 0) return conflicts;
    const passed = finding('A18-one-platform', true, { zh: `${fixedStaff.length}名固定人员均未在其他省级平台任固定人员`, en: `None of the ${fixedStaff.length} fixed staff is fixed staff of another provincial platform` });
    return [{ personId: '', finding: passed }];
  }

  private async committeeFindings(em: EntityManager, center: Platform, year: number): Promise<Finding[]> {
    const committees = await em.find(Committee, { platformId: center.id });
    const meetings = await em.find(CommitteeMeeting, { committeeId: { $in: committees.map((c) => c.id) } });
    const management = committees.find((c) => c.kind === 'management');
    const advisory = committees.find((c) => c.kind === 'advisory');
    const heldBy = (committee: Committee) => meetings.filter((m) => m.committeeId === committee.id).map((m) => m.heldOn);
    return [
      // A committee not formed yet is judged as one with no members: it has no chair (A17, hard) and
      // no one from the supporting unit (A16, hard), so no waiver of a principle rule can cover it.
      ...committeeFindings('management', management?.members ?? [], center),
      checkCommitteeMeetings('management', year, management ? heldBy(management) : []),
      ...committeeFindings('advisory', advisory?.members ?? [], center),
      checkCommitteeMeetings('advisory', year, advisory ? heldBy(advisory) : []),
    ];
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

function rules(findings: readonly Finding[]): RuleId[] {
  return [...new Set(findings.map((f) => f.rule))];
}
