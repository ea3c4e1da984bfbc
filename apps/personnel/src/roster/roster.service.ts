import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { CheckRoster } from '@tic/contracts';
import { maskResidentId, notFound } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { mayAccess, requireAccess, RpcFailure, type Caller, type In } from '@tic/platform';

import { IdentityNumbers } from '../identity/identity-numbers';
import { Appointment } from '../appointments/appointment.entity';
import { Platform } from '../platforms/platform.entity';
import { UsageQuotas } from '../quotas/usage-quotas';
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
    private readonly quotas: UsageQuotas,
  ) {}

  async check(input: In<typeof CheckRoster>, caller: Caller) {
    const em = this.em.fork();
    await this.authorize(em, input.platformId, caller);
    await this.quotas.spend(caller, 'roster_lines', input.rows.length);
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
    const detailed = mayAccess(caller, 'roster.read_conflict_details', { kind: 'roster' });
    const conflicts = posts
      .filter((post) => post.platformId !== input.platformId)
      .flatMap((post) =>
        (linesByHash.get(post.idNumberHash) ?? []).map((line) => {
          const conflict = { row: line.row, platformName: post.platformName, since: post.since };
          if (!detailed) return conflict;
          return {
            ...conflict,
            name: line.name,
            idNumberMasked: maskResidentId(line.idNumber.trim().toUpperCase()),
            personId: post.personId,
            appointmentId: post.appointmentId,
            platformId: post.platformId,
            role: post.role,
          };
        }),
      )
      .sort((a, b) => a.row - b.row);
    return { checked: input.rows.length, conflicts, problems };
  }

  /**
   * Issue 9: a unit checks the roster of a platform of its own (refused, not hidden, when it names
   * another: a platform's existence is public); DST also checks a roster on its own, province-wide.
   */
  private async authorize(em: EntityManager, platformId: string | undefined, caller: Caller): Promise<void> {
    if (platformId === undefined) {
      requireAccess(caller, 'roster.check_anywhere', { kind: 'roster' });
      return;
    }
    const platforms = em.getRepository(Platform);
    const platform = await platforms.findOne({ id: platformId });
    requireAccess(caller, 'roster.check', { ...(platform ? platforms.facts(platform) : {}), kind: 'roster' });
    if (!platform) throw RpcFailure.denied(notFound('platform'));
  }
}
