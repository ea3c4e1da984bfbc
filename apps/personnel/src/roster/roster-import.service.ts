import { Injectable } from '@nestjs/common';

import { ImportPlatformRoster } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import { newId, refuse, requireAccess, UnitOfWork, type Caller, type In } from '@tic/platform';

import { Appointment } from '../appointments/appointment.entity';
import { IdentityNumbers } from '../identity/identity-numbers';
import { Person } from '../people/person.entity';
import { Platform } from '../platforms/platform.entity';
import { PLATFORM_REFUSALS } from '../platforms/platform.refusals';
import { readRosterLines } from './roster-rows';

/**
 * DST imports the staff of a platform registered elsewhere (a key laboratory, an engineering research
 * center…) so that the one-platform rule spans it. The lines are facts of another registry: they are
 * recorded as they are, and a line imported again updates its post.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identityNumbers: IdentityNumbers,
    private readonly clock: Clock,
  ) {}

  async import(input: In<typeof ImportPlatformRoster>, caller: Caller) {
    const today = this.clock.today();
    return this.uow.run(ImportPlatformRoster, input, async ({ em }) => {
      const platforms = em.getRepository(Platform);
      const platform = await platforms.findVisible(input.platformId, caller);
      requireAccess(caller, 'roster.import', platforms.facts(platform));
      if (platform.kind === 'technology_innovation_center') throw refuse(PLATFORM_REFUSALS.center_staff_one_by_one);
      if (platform.status !== 'active') throw refuse(PLATFORM_REFUSALS.closed);
      const read = readRosterLines(input.rows, input.firstRow, today, (n) => this.identityNumbers.hash(n));
      // A person's post is one line; a repeated one would silently overwrite the first, so it is only reported.
      const lines = new Map(
        read.lines.filter((l) => l.repeatOf === undefined).map((l) => [l.hash, { ...l.line, row: l.row }]),
      );

      const known = new Map(
        (await em.getRepository(Person).findByIdNumberHashes([...lines.keys()])).map((p) => [p.idNumberHash, p]),
      );
      const people = new Map<string, Person>();
      for (const [hash, line] of lines) {
        const existing = known.get(hash);
        if (existing) {
          people.set(hash, existing);
          continue;
        }
        const id = newId();
        const number = this.identityNumbers.protect(id, line.idNumber);
        const person = em.create(Person, {
          id,
          name: line.name.trim(),
          idNumberCiphertext: number.ciphertext,
          idNumberKeyId: number.keyId,
          idNumberHash: number.hash,
          idNumberMasked: number.masked,
          title: line.title ?? null,
          employerOrgId: input.employerOrgId ?? platform.supportingUnitId,
          registeredByOrgId: caller.orgId,
        });
        em.persist(person);
        people.set(hash, person);
      }

      const posts = new Map(
        (
          await em.getRepository(Appointment).openPostsOn(
            platform.id,
            [...people.values()].map((p) => p.id),
          )
        ).map((a) => [a.personId, a]),
      );
      let imported = 0;
      let updated = 0;
      for (const [hash, line] of lines) {
        const person = people.get(hash);
        if (!person) continue;
        const post = posts.get(person.id);
        if (post) {
          Object.assign(post, { role: line.role, kind: line.kind, startsOn: line.startsOn });
          updated += 1;
        } else {
          em.persist(
            em.create(Appointment, {
              id: newId(),
              personId: person.id,
              platformId: platform.id,
              role: line.role,
              kind: line.kind,
              status: 'active',
              startsOn: line.startsOn,
              findings: [],
            }),
          );
          imported += 1;
        }
      }
      return { imported, updated, problems: read.problems };
    });
  }
}
