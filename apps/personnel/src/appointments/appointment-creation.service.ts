import { Injectable } from '@nestjs/common';

import { CreateAppointment, DuplicateFound, type AppointmentDto } from '@tic/contracts';
import { appointmentStatusFor } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  newId,
  nextEventVersion,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
  type Caller,
  type CommandScope,
  type In,
} from '@tic/platform';

import { Organization } from '../organizations/organization.entity';
import { NamedPeople } from '../people/named-people';
import { Person } from '../people/person.entity';
import { Platform } from '../platforms/platform.entity';
import { UsageQuotas } from '../quotas/usage-quotas';
import { appointmentFindings } from './appointment-findings';
import { APPOINTMENT_REFUSALS } from './appointment.refusals';
import { AppointmentViews } from './appointment-views';
import { Appointment } from './appointment.entity';
import { assertCommitteeReviewed } from './committee-review';
import { directorDecisionProblems, type FieldProblem } from './director-decision';

type CreateInput = In<typeof CreateAppointment>;

/** A14, A15, A18: an appointment is checked against the rules as it is made, and a new director replaces the one in office. */
@Injectable()
export class AppointmentCreation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deadlines: Deadlines,
    private readonly clock: Clock,
    private readonly views: AppointmentViews,
    private readonly namedPeople: NamedPeople,
    private readonly quotas: UsageQuotas,
  ) {}

  async create(input: CreateInput, caller: Caller): Promise<AppointmentDto> {
    assertDates(input, this.clock.today());
    // Spent before the command's transaction: the quota's own write must not wait for a second pooled
    // connection while this request holds one and its platform's lock.
    const answered = await this.uow.answeredBefore(CreateAppointment, input);
    if (answered !== undefined) return answered.answer as AppointmentDto;
    if (input.idNumber !== undefined) await this.quotas.spend(caller, 'registrations', 1);
    return this.uow.run(
      CreateAppointment,
      input,
      (scope) => this.appoint(scope, input, caller),
      (em, id) => this.views.load(em, id),
    );
  }

  private async appoint(scope: CommandScope, input: CreateInput, caller: Caller): Promise<string> {
    const { em } = scope;
    const platforms = em.getRepository(Platform);
    const platform = await platforms.findVisible(input.platformId, caller);
    const isCenter = platform.kind === 'technology_innovation_center';
    requireAccess(
      caller,
      input.role === 'director' ? 'appointment.create_director' : 'appointment.create_staff',
      platforms.facts(platform),
    );
    // Director changes of one platform take turns, so that two decisions cannot both replace the same director.
    await platforms.findForUpdate(platform.id);
    if (platform.status !== 'active') throw refuse(APPOINTMENT_REFUSALS.platform_closed);
    // Two platforms appointing the same person at once must see each other's post (A18), so they take turns.
    const person = await this.namedPeople.resolve(em, input, caller, true);
    const today = this.clock.today();
    const appointments = em.getRepository(Appointment);
    const posts = await appointments.inForce(platform.id, today);
    if (posts.some((post) => post.personId === person.id))
      throw refuse(APPOINTMENT_REFUSALS.already_holds_post, { name: person.name });

    // A18 looks at the posts elsewhere that are in force while this one is: from its start (or today,
    // for one that started earlier) to its end.
    const inForceFrom = input.startsOn > today ? input.startsOn : today;
    const fixedElsewhere = (await appointments.fixedPosts([person.idNumberHash], inForceFrom))
      .filter((post) => post.platformId !== platform.id && (input.endsOn === undefined || post.since <= input.endsOn))
      .map((post) => ({ platformId: post.platformId, platformName: post.platformName, since: post.since }));
    // A15: the director's employer may be a department below the supporting or construction unit.
    const organizations = await em.getRepository(Organization).centerOrganizations(platform, [person.employerOrgId]);
    const findings = appointmentFindings({
      person,
      platform: { id: platform.id, ...organizations, isCenter },
      role: input.role,
      kind: input.kind,
      startsOn: input.startsOn,
      ...(input.endsOn === undefined ? {} : { endsOn: input.endsOn }),
      ...(input.agreement ? { agreement: input.agreement } : {}),
      deputiesNow: posts.filter((post) => post.role === 'deputy_director').length,
      fixedElsewhere,
    });
    // A14–A18: a failing hard rule refuses the post; a failing principle rule leaves it awaiting DST's waiver.
    const { to: status } = scope.decide(appointmentStatusFor(findings));

    const appointment = em.create(Appointment, {
      id: newId(),
      personId: person.id,
      platformId: platform.id,
      role: input.role,
      kind: input.kind,
      status,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      agreement: input.kind === 'floating' ? (input.agreement ?? null) : null,
      findings,
    });
    em.persist(appointment);
    if (input.role === 'director' && isCenter) {
      if (input.committeeReviewedOn !== undefined)
        await assertCommitteeReviewed(em, platform.id, input.committeeReviewedOn);
      await this.replaceDirector(em, appointment, posts, input);
    }
    for (const conflict of fixedElsewhere) {
      scope.record(DuplicateFound, {
        subject: appointment.id,
        aggregateVersion: nextEventVersion(appointment),
        data: {
          personId: person.id,
          personName: person.name,
          platformId: platform.id,
          platformName: platform.name,
          conflictingPlatformId: conflict.platformId,
          conflictingPlatformName: conflict.platformName,
          conflictingSince: conflict.since,
          rule: 'A18-one-platform',
          article: '第十八条',
        },
      });
    }
    return appointment.id;
  }

  /** A15: the new director replaces the one in office, and the filing period starts from the decision. */
  private async replaceDirector(
    em: CommandScope['em'],
    appointment: Appointment,
    posts: readonly Appointment[],
    input: CreateInput,
  ): Promise<void> {
    const decidedOn = input.decidedOn ?? input.startsOn;
    const previous = posts.find((post) => post.role === 'director');
    let previousDirectorName: string | null = null;
    if (previous) {
      previous.status = 'ended';
      previous.endsOn = decidedOn < previous.startsOn ? previous.startsOn : decidedOn;
      previousDirectorName = (await em.getRepository(Person).findOneOrFail({ id: previous.personId })).name;
    }
    appointment.directorFiling = {
      change: 'appointed',
      decidedOn,
      committeeReviewedOn: input.committeeReviewedOn ?? decidedOn,
      previousDirectorName,
      filedOn: null,
      documentRef: null,
    };
    await this.deadlines.schedule(em, {
      kind: 'D-director-filing',
      subjectId: appointment.id,
      centerId: appointment.platformId,
      start: decidedOn,
    });
  }
}

/** A15: the committee reviews, then the unit decides, not in the future; an appointment ends after it starts. */
function assertDates(input: CreateInput, today: string): void {
  const errors: FieldProblem[] = [];
  if (input.endsOn !== undefined && input.endsOn < input.startsOn)
    errors.push({ path: 'endsOn', message: 'must not be before startsOn' });
  if (input.role === 'director') errors.push(...directorDecisionProblems(input, today, 'appoint a director'));
  if (errors.length > 0) throw RpcFailure.invalidInput(errors);
}
