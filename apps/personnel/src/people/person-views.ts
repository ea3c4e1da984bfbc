import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { PersonDto } from '@tic/contracts';

import { Appointment } from '../appointments/appointment.entity';
import { Platform } from '../platforms/platform.entity';
import type { Person } from './person.entity';

/** People as the API shows them: the number masked, with their posts. */
@Injectable()
export class PersonViews {
  async render(em: EntityManager, person: Person): Promise<PersonDto> {
    const posts = await em.getRepository(Appointment).ofPerson(person.id);
    const names = await em.getRepository(Platform).namesOf(posts.map((p) => p.platformId));
    return {
      ...toPersonSummary(person),
      contact: { ...(person.phone ? { phone: person.phone } : {}), ...(person.email ? { email: person.email } : {}) },
      posts: posts.map((post) => ({
        appointmentId: post.id,
        platformId: post.platformId,
        platformName: names.get(post.platformId) ?? '',
        role: post.role,
        kind: post.kind,
        status: post.status,
        startsOn: post.startsOn,
        endsOn: post.endsOn,
      })),
    };
  }
}

export function toPersonSummary(person: Person) {
  return {
    id: person.id,
    version: person.version,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    title: person.title,
    employerOrgId: person.employerOrgId,
    fullTime: person.fullTime,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
