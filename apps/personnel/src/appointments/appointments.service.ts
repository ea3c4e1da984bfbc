import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  DirectorChanged,
  EndAppointment,
  FileDirectorAppointment,
  WaiveAppointmentRule,
  type AppointmentDto,
  type ListAppointments,
} from '@tic/contracts';
import { appointmentLifecycle, appointmentStatusFor, type ResourceFacts } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  nextEventVersion,
  pageOf,
  requireAccess,
  requireWaiver,
  refuse,
  RpcFailure,
  UnitOfWork,
  type Caller,
  type CommandScope,
  type In,
} from '@tic/platform';

import { Person } from '../people/person.entity';
import { Platform } from '../platforms/platform.entity';
import { AppointmentViews } from './appointment-views';
import { APPOINTMENT_REFUSALS } from './appointment.refusals';
import { Appointment } from './appointment.entity';
import { assertCommitteeReviewed } from './committee-review';
import { assertDirectorDecision } from './director-decision';

const APPOINTMENT = { zh: '聘任记录', en: 'Appointment' };

/**
 * Reading, ending, waiving and filing appointments. A director's filing that falls overdue needs no
 * reaction here: the deadlines package publishes tic.deadline.overdue, and the filing stays open, to
 * be recorded as late.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly deadlines: Deadlines,
    private readonly clock: Clock,
    private readonly views: AppointmentViews,
  ) {}

  async get(id: string, caller: Caller): Promise<AppointmentDto> {
    const em = this.em.fork();
    const appointment = await em.getRepository(Appointment).findVisible(id, caller);
    return this.views.load(em, appointment.id);
  }

  async list(input: In<typeof ListAppointments>, caller: Caller) {
    const em = this.em.fork();
    const appointments = em.getRepository(Appointment);
    const scope = await appointments.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const page = pageOf(
      await appointments.page(scope, input, input.limit),
      input.limit,
      (row) => row.id,
      (row) => row,
    );
    return { ...page, items: await this.views.render(em, page.items) };
  }

  end(input: In<typeof EndAppointment>, caller: Caller): Promise<AppointmentDto> {
    return this.change(EndAppointment, input, caller, async (scope, appointment, platform) => {
      const director = appointment.role === 'director';
      requireAccess(caller, director ? 'appointment.end_director' : 'appointment.end_staff', platform);
      const step = scope.decide(appointmentLifecycle.decide(appointment.status, 'end', caller.role, {}));
      if (input.endsOn < appointment.startsOn)
        throw RpcFailure.invalidInput([
          { path: 'endsOn', message: `must not be before the start, ${appointment.startsOn}` },
        ]);
      appointment.status = step.to;
      appointment.endsOn = input.endsOn;
      // A15: a TIC director's post ended by hand has no successor (a successor's appointment ends it
      // itself): this adjustment (调整) is decided and filed like an appointment.
      if (director && appointment.directorFiling !== null) await this.endWithoutSuccessor(scope, appointment, input);
    });
  }

  /** A15: the end of a director's post without a successor starts its own 30-working-day filing. */
  private async endWithoutSuccessor(
    scope: CommandScope,
    appointment: Appointment,
    input: In<typeof EndAppointment>,
  ): Promise<void> {
    assertDirectorDecision(input, this.clock.today(), 'end a director’s post');
    if (appointment.directorFiling?.filedOn === null) throw refuse(APPOINTMENT_REFUSALS.filing_open);
    const decidedOn = input.decidedOn ?? input.endsOn;
    await assertCommitteeReviewed(scope.em, appointment.platformId, input.committeeReviewedOn ?? decidedOn);
    appointment.directorFiling = {
      change: 'ended_without_successor',
      decidedOn,
      committeeReviewedOn: input.committeeReviewedOn ?? decidedOn,
      previousDirectorName: null,
      filedOn: null,
      documentRef: null,
    };
    await this.deadlines.schedule(scope.em, {
      kind: 'D-director-filing',
      subjectId: appointment.id,
      centerId: appointment.platformId,
      start: decidedOn,
    });
  }

  waive(input: In<typeof WaiveAppointmentRule>, caller: Caller): Promise<AppointmentDto> {
    return this.change(WaiveAppointmentRule, input, caller, (scope, appointment, platform) => {
      requireAccess(caller, 'waiver.record', platform);
      const waiver = requireWaiver(caller, {
        subject: 'appointment',
        rule: input.rule,
        findings: appointment.findings,
        waivers: appointment.waivers,
      });
      scope.decide(appointmentLifecycle.decide(appointment.status, 'waive', caller.role, {}));
      appointment.waivers = [
        ...appointment.waivers,
        {
          rule: input.rule,
          article: waiver.article,
          reason: input.reason,
          recordedBy: caller.name,
          recordedAt: new Date().toISOString(),
        },
      ];
      // A post awaiting DST goes on once every failing principle rule is waived (DOMAIN.md §2).
      if (appointment.status !== 'ended')
        appointment.status = scope.decide(
          appointmentStatusFor(
            appointment.findings,
            appointment.waivers.map((w) => w.rule),
          ),
        ).to;
      return Promise.resolve();
    });
  }

  /** A15: the supporting unit files the director's appointment with the recommender and DST. */
  file(input: In<typeof FileDirectorAppointment>, caller: Caller): Promise<AppointmentDto> {
    return this.change(FileDirectorAppointment, input, caller, async (scope, appointment, platform) => {
      requireAccess(caller, 'appointment.file_director', platform);
      scope.decide(
        appointmentLifecycle.decide(appointment.status, 'file_director', caller.role, {
          directorFiling: appointment.directorFiling,
        }),
      );
      const filing = appointment.directorFiling;
      if (filing === null) throw new Error(`appointment ${appointment.id} passed the filing guard without a filing`);
      const today = this.clock.today();
      const filedOn = input.filedOn ?? today;
      if (filedOn < filing.decidedOn)
        throw RpcFailure.invalidInput([
          { path: 'filedOn', message: `must not be before the decision, ${filing.decidedOn}` },
        ]);
      if (filedOn > today) throw RpcFailure.invalidInput([{ path: 'filedOn', message: 'must not be in the future' }]);
      // The latest deadline is the open one: an ended director's filing follows the appointment's.
      const deadline = (await this.views.filingDeadlines(scope.em, [appointment.id]))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .at(-1);
      if (deadline) await this.deadlines.complete(scope.em, deadline.id);
      appointment.directorFiling = { ...filing, filedOn, documentRef: input.documentRef ?? null };
      const person = await scope.em.getRepository(Person).findOneOrFail({ id: appointment.personId });
      scope.record(DirectorChanged, {
        subject: appointment.id,
        aggregateVersion: nextEventVersion(appointment),
        data: {
          centerId: appointment.platformId,
          appointmentId: appointment.id,
          change: filing.change ?? 'appointed',
          directorName: person.name,
          ...(filing.previousDirectorName === null ? {} : { previousDirectorName: filing.previousDirectorName }),
          decidedOn: filing.decidedOn,
          filedOn,
          filedWithinPeriod: deadline === undefined || filedOn <= deadline.dueOn,
        },
      });
    });
  }

  /** One command on one appointment: locked at the client's version, seen by the caller, through the unit of work. */
  private change(
    operation: typeof EndAppointment | typeof WaiveAppointmentRule | typeof FileDirectorAppointment,
    input: { readonly id: string; readonly version: number },
    caller: Caller,
    work: (scope: CommandScope, appointment: Appointment, platform: ResourceFacts) => Promise<void>,
  ): Promise<AppointmentDto> {
    return this.uow.run(
      operation,
      input,
      async (scope) => {
        const appointments = scope.em.getRepository(Appointment);
        const seen = await appointments.findVisible(input.id, caller);
        const appointment = await appointments.lockAtVersion(seen.id, input.version, APPOINTMENT);
        const from = appointment.status;
        await work(scope, appointment, await scope.em.getRepository(Platform).factsOf(appointment.platformId));
        scope.history(appointment, {
          aggregateType: 'appointment',
          action: operation.subject,
          from,
          to: appointment.status,
        });
        return appointment.id;
      },
      (em, id) => this.views.load(em, id),
    );
  }
}
