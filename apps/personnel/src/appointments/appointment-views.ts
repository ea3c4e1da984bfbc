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
    const [view] = await this.render(em, [await em.findOneOrFail(Appointment, { id })]);
    if (view === undefined) throw new Error(`appointment ${id} vanished while it was read`);
    return view;
  }

  async render(em: EntityManager, appointments: readonly Appointment[]): Promise<AppointmentDto[]> {
    if (appointments.length === 0) return [];
    const [people, platforms, deadlines] = await Promise.all([
      em.find(Person, { id: { $in: unique(appointments.map((a) => a.personId)) } }),
      em.find(Platform, { id: { $in: unique(appointments.map((a) => a.platformId)) } }),
      em.find(Deadline, { subjectId: { $in: appointments.filter((a) => a.directorFiling !== null).map((a) => a.id) }, kind: 'D-director-filing' }),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    const platformById = new Map(platforms.map((p) => [p.id, p]));
    const deadlineBySubject = new Map(deadlines.map((d) => [d.subjectId, d]));
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
        platformName: platformById.get(a.platformId)?.name ?? '',
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
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
