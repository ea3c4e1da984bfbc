import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ImportPlatformRoster } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import { newId, RpcFailure, type Caller, type In } from '@tic/platform';

import { Appointment } from '../appointments/appointment.entity';
import { IdentityNumbers } from '../identity/identity-numbers';
import { Person } from '../people/person.entity';
import { loadVisiblePlatform } from '../platforms/platform-loader';
import { readRosterLines } from './roster-rows';

/**
 * DST imports the staff of a platform registered elsewhere (a key laboratory, an engineering research
 * center…) so that the one-platform rule spans it. The lines are facts of another registry: they are
 * recorded as they are, and a line imported again updates its post.
 */
@Injectable()
export class RosterImportService {
  constructor(
    private readonly orm: MikroORM,
    private readonly identityNumbers: IdentityNumbers,
    private readonly clock: Clock,
  ) {}

  async import(input: In<typeof ImportPlatformRoster>, caller: Caller) {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可导入平台人员名单', en: 'Only DST imports platform rosters' });
    const today = this.clock.today();
    return this.em().transactional(async (em) => {
      const platform = await loadVisiblePlatform(em, input.platformId, caller);
      if (platform.kind === 'technology_innovation_center') {
        throw RpcFailure.of('conflict', { zh: '技术创新中心的人员须逐一聘任，以便核查第十四至十九条', en: 'A TIC’s staff are appointed one by one, so that A14–A19 are checked' });
      }
      if (platform.status !== 'active') throw RpcFailure.of('conflict', { zh: '该平台已撤销或转出，不能导入名单', en: 'The platform is closed; its roster cannot be imported' });
      const read = readRosterLines(input.rows, input.firstRow, today, (n) => this.identityNumbers.hash(n));
      // A person's post is one line; a repeated one would silently overwrite the first, so it is only reported.
      const lines = new Map(read.lines.filter((l) => l.repeatOf === undefined).map((l) => [l.hash, { ...l.line, row: l.row }]));

      const known = new Map((await em.find(Person, { idNumberHash: { $in: [...lines.keys()] } })).map((p) => [p.idNumberHash, p]));
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
          id, name: line.name.trim(), idNumberCiphertext: number.ciphertext, idNumberKeyId: number.keyId, idNumberHash: number.hash,
          idNumberMasked: number.masked, title: line.title ?? null, employerOrgId: input.employerOrgId ?? platform.supportingUnitId,
          registeredByOrgId: caller.orgId,
        });
        em.persist(person);
        people.set(hash, person);
      }

      const posts = new Map((await em.find(Appointment, { platformId: platform.id, personId: { $in: [...people.values()].map((p) => p.id) }, status: { $ne: 'ended' } })).map((a) => [a.personId, a]));
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
          em.persist(em.create(Appointment, { id: newId(), personId: person.id, platformId: platform.id, role: line.role, kind: line.kind, status: 'active', startsOn: line.startsOn, findings: [] }));
          imported += 1;
        }
      }
      await em.flush();
      return { imported, updated, problems: read.problems };
    });
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}
