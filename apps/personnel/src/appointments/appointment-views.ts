import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { AppointmentDto } from '@tic/contracts';
import { Deadline } from '@tic/deadlines';

import { Person } from '../people/person.entity';
import { Platform } from '../platforms/platform.entity';
import { Appointment } from './appointment.entity';

/** Appointments as the API shows them: with the person (number masked), the platform and the A15 filing. */
@Injectable()
export class AppointmentViews {
  async load(em: EntityManager, id: string): Promise<AppointmentDto> {
    const [view] = await this.render(em, [await em.getRepository(Appointment).findOneOrFail({ id })]);
    if (view === undefined) throw new Error(`appointment ${id} vanished while it was read`);
    return view;
  }

  async render(em: EntityManager, appointments: readonly Appointment[]): Promise<AppointmentDto[]> {
    if (appointments.length === 0) return [];
    const [people, platformNames, deadlines] = await Promise.all([
      em.getRepository(Person).find({ id: { $in: unique(appointments.map((a) => a.personId)) } }),
      em.getRepository(Platform).namesOf(appointments.map((a) => a.platformId)),
      this.filingDeadlines(
        em,
        appointments.filter((a) => a.directorFiling !== null).map((a) => a.id),
      ),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    // A director's post ended without a successor has a second filing: the latest deadline is the one open.
    const deadlineBySubject = new Map(
      [...deadlines].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((d) => [d.subjectId, d]),
    );
    return appointments.map((a) => {
      const person = personById.get(a.personId);
      const filing = a.directorFiling;
      const deadline = deadlineBySubject.get(a.id);
      return {
        id: a.id,
        version: a.version,
        personId: a.personId,
        personName: person?.name ?? '',
        idNumberMasked: person?.idNumberMasked ?? '',
        platformId: a.platformId,
        platformName: platformNames.get(a.platformId) ?? '',
        role: a.role,
        kind: a.kind,
        status: a.status,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        agreement: a.agreement,
        findings: a.findings,
        waivers: a.waivers,
        directorFiling:
          filing === null || deadline === undefined
            ? null
            : {
                change: filing.change ?? 'appointed',
                decidedOn: filing.decidedOn,
                committeeReviewedOn: filing.committeeReviewedOn,
                dueOn: deadline.dueOn,
                dueOnProvisional: deadline.provisional,
                state: filing.filedOn !== null ? 'filed' : deadline.state === 'fired' ? 'overdue' : 'pending',
                filedOn: filing.filedOn,
                filedWithinPeriod: filing.filedOn === null ? null : filing.filedOn <= deadline.dueOn,
                documentRef: filing.documentRef,
              },
        createdAt: a.createdAt.toISOString(),
      };
    });
  }

  /** A15: the filing deadlines (in any state) of these directors' appointments. */
  filingDeadlines(em: EntityManager, appointmentIds: readonly string[]): Promise<Deadline[]> {
    if (appointmentIds.length === 0) return Promise.resolve([]);
    return em.getRepository(Deadline).find({ subjectId: { $in: [...appointmentIds] }, kind: 'D-director-filing' });
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
