import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { CheckRoster } from '@tic/contracts';
import { maskResidentId } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { requireAccess, type Caller, type In } from '@tic/platform';

import { IdentityNumbers } from '../identity/identity-numbers';
import { Appointment } from '../appointments/appointment.entity';
import { Platform } from '../platforms/platform.entity';
import { readRosterLines } from './roster-rows';

/**
 * A18 查重 over a whole roster (an annual report's personnel, an uploaded list): every line whose
 * person is fixed staff of another provincial platform, found with one query by keyed hash.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly em: EntityManager,
    private readonly identityNumbers: IdentityNumbers,
    private readonly clock: Clock,
  ) {}

  async check(input: In<typeof CheckRoster>, caller: Caller) {
    const em = this.em.fork();
    const platforms = em.getRepository(Platform);
    // A roster checked for a platform is that platform's; one checked on its own is the caller's.
    const platform = input.platformId === undefined ? undefined : await platforms.findVisible(input.platformId, caller);
    const own = { supportingUnitId: caller.orgId, constructionUnitId: caller.orgId, recommenderId: caller.orgId };
    requireAccess(caller, 'roster.check', {
      ...(platform === undefined ? own : platforms.facts(platform)),
      kind: 'roster',
    });
    const today = this.clock.today();
    const { lines, problems } = readRosterLines(input.rows, input.firstRow, today, (n) => this.identityNumbers.hash(n));
    // Floating staff may serve several platforms (A18 binds fixed staff only); a repeated line
    // conflicts as the line it repeats does.
    const linesByHash = new Map<string, { row: number; name: string; idNumber: string }[]>();
    for (const { row, hash, line } of lines.filter((l) => l.line.kind === 'fixed')) {
      linesByHash.set(hash, [
        ...(linesByHash.get(hash) ?? []),
        { row, name: line.name.trim(), idNumber: line.idNumber },
      ]);
    }

    const posts = await em.getRepository(Appointment).fixedPosts([...linesByHash.keys()], today);
    const conflicts = posts
      .filter((post) => post.platformId !== input.platformId)
      .flatMap((post) =>
        (linesByHash.get(post.idNumberHash) ?? []).map((line) => ({
          row: line.row,
          name: line.name,
          idNumberMasked: maskResidentId(line.idNumber.trim().toUpperCase()),
          personId: post.personId,
          appointmentId: post.appointmentId,
          platformId: post.platformId,
          platformName: post.platformName,
          role: post.role,
          since: post.since,
        })),
      )
      .sort((a, b) => a.row - b.row);
    return { checked: input.rows.length, conflicts, problems };
  }
}
