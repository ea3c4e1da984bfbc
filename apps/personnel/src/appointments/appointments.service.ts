import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { DirectorChanged, DuplicateFound, type AppointmentDto, type CreateAppointment, type EndAppointment, type FileDirectorAppointment, type ListAppointments, type WaiveAppointmentRule } from '@tic/contracts';
import { assessFindings, RULES } from '@tic/domain';
import { Clock, Deadline, Deadlines } from '@tic/deadlines';
import { assertVersion, EventOutbox, newId, nextEventVersion, pageOf, RpcFailure, withVersionCheck, type Caller, type In } from '@tic/platform';

import { isSupportingUnitOf, managesStaff, visiblePlatformIds } from '../access/platform-scope';
import { Person } from '../people/person.entity';
import { loadVisiblePlatform } from '../platforms/platform-loader';
import { Platform } from '../platforms/platform.entity';
import { findFixedPosts } from '../roster/fixed-posts';
import { appointmentFindings } from './appointment-findings';
import { AppointmentViews } from './appointment-views';
import { Appointment } from './appointment.entity';

const APPOINTMENT = { zh: '聘任记录', en: 'Appointment' };

/**
 * Appointments of people to platforms, checked against A14, A15 and A18 as they are made. A director's
 * filing that falls overdue needs no reaction here: the deadlines package publishes tic.deadline.overdue,
 * and the filing stays open, to be recorded as late.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: EventOutbox,
    private readonly deadlines: Deadlines,
    private readonly clock: Clock,
    private readonly views: AppointmentViews,
  ) {}

  async create(input: In<typeof CreateAppointment>, caller: Caller): Promise<AppointmentDto> {
    assertDates(input);
    // The previous director's row may change under us (ended at the same moment): a 409, not a 500.
    const id = await withVersionCheck(() => this.em().transactional(async (em) => {
      const platform = await loadVisiblePlatform(em, input.platformId, caller);
      // Director changes of one platform take turns, so that two decisions cannot both replace the same director.
      await em.execute('select 1 from personnel.platform where id = ? for update', [platform.id]);
      const isCenter = platform.kind === 'technology_innovation_center';
      if (input.role === 'director' && isCenter ? !isSupportingUnitOf(caller, platform) : !managesStaff(caller, platform)) {
        throw RpcFailure.forbidden(input.role === 'director'
          ? { zh: '中心主任由依托单位聘任（第十五条）', en: 'The supporting unit appoints the director (A15)' }
          : { zh: '只能聘任本单位平台的人员', en: 'Only the units of the platform appoint its staff' });
      }
      if (platform.status !== 'active') throw RpcFailure.of('conflict', { zh: '该平台已撤销或转出，不能再聘任人员', en: 'The platform is closed' });
      // Two platforms appointing the same person at once must see each other's post (A18), so they take turns.
      const person = await em.findOne(Person, { id: input.personId });
      if (!person) throw RpcFailure.invalidInput([{ path: 'personId', message: 'is not a registered person' }]);
      await em.execute('select 1 from personnel.person where id = ? for update', [person.id]);
      const today = this.clock.today();
      // Posts in force today or later; one whose end date has passed counts for nothing (as in compliance and the duplicate check).
      const posts = (await em.find(Appointment, { platformId: platform.id, status: { $ne: 'ended' } })).filter((post) => post.endsOn === null || post.endsOn >= today);
      if (posts.some((post) => post.personId === person.id)) {
        throw RpcFailure.of('conflict', { zh: `${person.name}已在该平台任职`, en: `${person.name} already holds a post on this platform` });
      }

      // A18 looks at the posts elsewhere that are in force while this one is: from its start (or today,
      // for one that started earlier) to its end.
      const inForceFrom = input.startsOn > today ? input.startsOn : today;
      const fixedElsewhere = (await findFixedPosts(em, [person.idNumberHash], inForceFrom))
        .filter((post) => post.platformId !== platform.id && (input.endsOn === undefined || post.since <= input.endsOn))
        .map((post) => ({ platformId: post.platformId, platformName: post.platformName, since: post.since }));
      const findings = appointmentFindings({
        person,
        platform: { id: platform.id, supportingUnitId: platform.supportingUnitId, isCenter },
        role: input.role,
        kind: input.kind,
        ...(input.agreement ? { agreement: input.agreement } : {}),
        deputiesNow: posts.filter((post) => post.role === 'deputy_director').length,
        fixedElsewhere,
      });
      const assessment = assessFindings(findings);
      const [blocking] = assessment.blocking;
      if (blocking) throw RpcFailure.violation(blocking);

      const appointment = em.create(Appointment, {
        id: newId(),
        personId: person.id,
        platformId: platform.id,
        role: input.role,
        kind: input.kind,
        status: assessment.unwaived.length > 0 ? 'awaiting_waiver' : 'active',
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        agreement: input.kind === 'floating' ? (input.agreement ?? null) : null,
        findings,
      });
      em.persist(appointment);
      if (input.role === 'director' && isCenter) await this.replaceDirector(em, appointment, posts, input);
      for (const conflict of fixedElsewhere) {
        this.outbox.record(em, DuplicateFound, {
          subject: appointment.id,
          aggregateVersion: nextEventVersion(appointment),
          data: {
            personId: person.id, personName: person.name, platformId: platform.id, platformName: platform.name,
            conflictingPlatformId: conflict.platformId, conflictingPlatformName: conflict.platformName, conflictingSince: conflict.since,
            rule: 'A18-one-platform', article: '第十八条',
          },
        });
      }
      return appointment.id;
    }));
    return this.views.load(this.em(), id);
  }

  async get(id: string, caller: Caller): Promise<AppointmentDto> {
    const em = this.em();
    await this.loadVisible(em, id, caller);
    return this.views.load(em, id);
  }

  async list(input: In<typeof ListAppointments>, caller: Caller) {
    const em = this.em();
    const visible = await visiblePlatformIds(em, caller);
    const rows = await em.find(
      Appointment,
      {
        $and: [
          visible === 'all' ? {} : { platformId: { $in: visible } },
          input.platformId ? { platformId: input.platformId } : {},
          input.personId ? { personId: input.personId } : {},
          input.role ? { role: input.role } : {},
          input.status ? { status: input.status } : {},
          input.cursor ? { id: { $lt: input.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    const page = pageOf(rows, input.limit, (row) => row.id, (row) => row);
    return { ...page, items: await this.views.render(em, page.items) };
  }

  async end(input: In<typeof EndAppointment>, caller: Caller): Promise<AppointmentDto> {
    await this.change(input.id, input.version, caller, async (em, appointment, platform) => {
      if (appointment.role === 'director' && platform.kind === 'technology_innovation_center' ? !isSupportingUnitOf(caller, platform) : !managesStaff(caller, platform)) {
        throw RpcFailure.forbidden(appointment.role === 'director'
          ? { zh: '中心主任的聘任与调整由依托单位决定（第十五条）', en: 'The supporting unit decides on the director (A15)' }
          : { zh: '只能变更本单位平台的人员', en: 'Only the units of the platform change its staff' });
      }
      if (appointment.status === 'ended') throw RpcFailure.of('conflict', { zh: '该聘任已结束', en: 'The appointment has already ended' });
      if (input.endsOn < appointment.startsOn) throw RpcFailure.invalidInput([{ path: 'endsOn', message: `must not be before the start, ${appointment.startsOn}` }]);
      appointment.status = 'ended';
      appointment.endsOn = input.endsOn;
      await em.flush();
    });
    return this.views.load(this.em(), input.id);
  }

  async waive(input: In<typeof WaiveAppointmentRule>, caller: Caller): Promise<AppointmentDto> {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可记录豁免', en: 'Only DST records waivers' });
    const rule = RULES[input.rule];
    if (rule.severity !== 'principle') {
      throw RpcFailure.of('rule_violation', { zh: `${rule.article}为刚性规定，不能豁免`, en: `${input.rule} is not a principle rule and cannot be waived` }, { rule: input.rule, article: rule.article });
    }
    await this.change(input.id, input.version, caller, async (em, appointment) => {
      const waived = new Set(appointment.waivers.map((w) => w.rule));
      if (!appointment.findings.some((f) => f.rule === input.rule && !f.passed) || waived.has(input.rule)) {
        throw RpcFailure.of('conflict', { zh: '该聘任没有待豁免的此项规则', en: `The appointment has no unwaived failure of ${input.rule}` });
      }
      appointment.waivers = [...appointment.waivers, { rule: input.rule, article: rule.article, reason: input.reason, recordedBy: caller.name, recordedAt: new Date().toISOString() }];
      const assessment = assessFindings(appointment.findings, appointment.waivers.map((w) => w.rule));
      if (appointment.status === 'awaiting_waiver' && assessment.mayProceed) appointment.status = 'active';
      await em.flush();
    });
    return this.views.load(this.em(), input.id);
  }

  /** A15: the supporting unit files the director's appointment with the recommender and DST. */
  async file(input: In<typeof FileDirectorAppointment>, caller: Caller): Promise<AppointmentDto> {
    await this.change(input.id, input.version, caller, async (em, appointment, platform) => {
      if (!isSupportingUnitOf(caller, platform)) throw RpcFailure.forbidden({ zh: '由依托单位报送备案（第十五条）', en: 'The supporting unit files the appointment (A15)' });
      const filing = appointment.directorFiling;
      if (filing === null) throw RpcFailure.of('conflict', { zh: '只有中心主任的聘任需要备案', en: 'Only a director’s appointment is filed' });
      if (filing.filedOn !== null) throw RpcFailure.of('conflict', { zh: `已于${filing.filedOn}备案`, en: `Already filed on ${filing.filedOn}` });
      const filedOn = input.filedOn ?? this.clock.today();
      if (filedOn < filing.decidedOn) throw RpcFailure.invalidInput([{ path: 'filedOn', message: `must not be before the decision, ${filing.decidedOn}` }]);
      if (filedOn > this.clock.today()) throw RpcFailure.invalidInput([{ path: 'filedOn', message: 'must not be in the future' }]);
      const [deadline] = await em.find(Deadline, { subjectId: appointment.id, kind: 'D-director-filing' });
      if (deadline) await this.deadlines.complete(em, deadline.id);
      appointment.directorFiling = { ...filing, filedOn, documentRef: input.documentRef ?? null };
      const person = await em.findOneOrFail(Person, { id: appointment.personId });
      this.outbox.record(em, DirectorChanged, {
        subject: appointment.id,
        aggregateVersion: nextEventVersion(appointment),
        data: {
          centerId: platform.id,
          appointmentId: appointment.id,
          directorName: person.name,
          ...(filing.previousDirectorName === null ? {} : { previousDirectorName: filing.previousDirectorName }),
          decidedOn: filing.decidedOn,
          filedOn,
          filedWithinPeriod: deadline === undefined || filedOn <= deadline.dueOn,
        },
      });
      await em.flush();
    });
    return this.views.load(this.em(), input.id);
  }

  /** A15: the new director replaces the one in office, and the filing period starts from the decision. */
  private async replaceDirector(em: EntityManager, appointment: Appointment, posts: readonly Appointment[], input: In<typeof CreateAppointment>): Promise<void> {
    const decidedOn = input.decidedOn ?? input.startsOn;
    const previous = posts.find((post) => post.role === 'director');
    let previousDirectorName: string | null = null;
    if (previous) {
      previous.status = 'ended';
      previous.endsOn = decidedOn < previous.startsOn ? previous.startsOn : decidedOn;
      previousDirectorName = (await em.findOneOrFail(Person, { id: previous.personId })).name;
    }
    appointment.directorFiling = { decidedOn, committeeReviewedOn: input.committeeReviewedOn ?? decidedOn, previousDirectorName, filedOn: null, documentRef: null };
    await this.deadlines.schedule(em, { kind: 'D-director-filing', subjectId: appointment.id, centerId: appointment.platformId, start: decidedOn });
  }

  private async change(id: string, version: number, caller: Caller, work: (em: EntityManager, appointment: Appointment, platform: Platform) => Promise<void>): Promise<void> {
    await withVersionCheck(() =>
      this.em().transactional(async (em) => {
        const { appointment, platform } = await this.loadVisible(em, id, caller);
        assertVersion(version, appointment.version);
        await work(em, appointment, platform);
      }),
    );
  }

  private async loadVisible(em: EntityManager, id: string, caller: Caller): Promise<{ appointment: Appointment; platform: Platform }> {
    const appointment = await em.findOne(Appointment, { id });
    if (!appointment) throw RpcFailure.notFound(APPOINTMENT);
    const platform = await loadVisiblePlatform(em, appointment.platformId, caller).catch(() => {
      throw RpcFailure.notFound(APPOINTMENT);
    });
    return { appointment, platform };
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

/** A15: the committee reviews, then the unit decides; an appointment ends after it starts. */
function assertDates(input: In<typeof CreateAppointment>): void {
  const errors: { path: string; message: string }[] = [];
  if (input.endsOn !== undefined && input.endsOn < input.startsOn) errors.push({ path: 'endsOn', message: 'must not be before startsOn' });
  if (input.role === 'director') {
    if (input.decidedOn === undefined) errors.push({ path: 'decidedOn', message: 'is required for a director (A15: the supporting unit’s decision starts the filing period)' });
    if (input.committeeReviewedOn === undefined) errors.push({ path: 'committeeReviewedOn', message: 'is required for a director (A15: the management committee reviews the appointment)' });
    if (input.decidedOn !== undefined && input.committeeReviewedOn !== undefined && input.committeeReviewedOn > input.decidedOn) {
      errors.push({ path: 'committeeReviewedOn', message: 'must not be after decidedOn (A15: the committee reviews before the unit decides)' });
    }
  }
  if (errors.length > 0) throw RpcFailure.invalidInput(errors);
}
