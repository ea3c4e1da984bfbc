import type { EntityManager } from '@mikro-orm/postgresql';

import type { StaffRole } from '@tic/domain';

/** A fixed post that binds a person to a platform (A18), found by the lookup hash of their number. */
export interface FixedPost {
  readonly idNumberHash: string;
  readonly personId: string;
  readonly personName: string;
  readonly appointmentId: string;
  readonly platformId: string;
  readonly platformName: string;
  readonly role: StaffRole;
  readonly since: string;
  readonly until: string | null;
}

// One index probe per hash (person_id_number_hash_unique), then the covering partial index of fixed
// posts. A post whose end date has passed, or on a platform that closed, binds no one. The placeholders
// are the caller's: `?` for MikroORM, `$1`/`$2` for a prepared statement (the benchmark's baseline).
export function fixedPostsSql(hashes: string, asOf: string): string {
  return `
  select p.id_number_hash as "idNumberHash", p.id as "personId", p.name as "personName", a.id as "appointmentId",
         a.platform_id as "platformId", pl.name as "platformName", a.role, to_char(a.starts_on, 'YYYY-MM-DD') as since,
         to_char(a.ends_on, 'YYYY-MM-DD') as until
    from personnel.person p
    join personnel.appointment a on a.person_id = p.id and a.kind = 'fixed' and a.status <> 'ended'
    join personnel.platform pl on pl.id = a.platform_id and pl.status = 'active'
   where p.id_number_hash = any(${hashes}::text[])
     and (a.ends_on is null or a.ends_on >= ${asOf}::date)
   order by a.starts_on, a.id`;
}

const FIXED_POSTS_SQL = fixedPostsSql('?', '?');

/** The fixed posts, on any active platform, of the people with these lookup hashes, in force on `asOf` or later. */
export function findFixedPosts(em: EntityManager, hashes: readonly string[], asOf: string): Promise<FixedPost[]> {
  if (hashes.length === 0) return Promise.resolve([]);
  // The hashes go as one Postgres array literal (they are hex digits only): knex would otherwise expand
  // a JS array into a list, which `any(?::text[])` does not accept. Through the manager, not its
  // connection: inside a command it must read in the command's transaction, not on a second pooled
  // connection (which waited forever once every connection held a command queued on one platform's lock).
  return em.execute<FixedPost[]>(FIXED_POSTS_SQL, [`{${hashes.join(',')}}`, asOf], 'all');
}
