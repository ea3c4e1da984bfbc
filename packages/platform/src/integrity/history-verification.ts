import { IsolationLevel } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

import { ChainVerifier, type ChainAnchor, type ChainHead, type ChainVerification } from './chain-verifier';
import { HistoryRows } from './history-rows';

export interface HistoryVerificationOptions {
  /** Rows unsealed for longer than this are reported (the sealer runs every few seconds). */
  readonly unsealedAllowanceMs: number;
  /** Anchors kept outside the database (`--anchors` output handed out earlier), checked as well. */
  readonly published?: readonly ChainAnchor[];
  /** Stands in for the database's clock. */
  readonly now?: Date;
}

export interface OverdueRow {
  readonly id: string;
  readonly at: string;
}

export interface HistoryVerification extends ChainVerification {
  /** Rows not yet chained, however recent. */
  readonly unsealed: number;
  /** The oldest of the rows unsealed past the allowance (at most ten named). */
  readonly overdue: readonly OverdueRow[];
  readonly overdueCount: number;
}

const PAGE = 2_000;

/** Walks one service's whole chain, in pages, against its head, its anchors and any published ones. */
export async function verifyHistory(
  orm: MikroORM,
  schema: string,
  options: HistoryVerificationOptions,
): Promise<HistoryVerification> {
  const rows = new HistoryRows(schema);
  const em = orm.em.fork();
  // One snapshot for the whole walk, so that the sealer chaining meanwhile never looks like tampering.
  return em.transactional(
    async (tx) => {
      const [head] = await tx.execute<ChainHead[]>(
        `select last_seq::text as "lastSeq", head_hash as "headHash" from ${rows.head} where id = 1`,
      );
      const anchors = await tx.execute<ChainAnchor[]>(
        `select day::text as day, last_seq::text as "lastSeq", head_hash as "headHash" from ${rows.anchors} order by day`,
      );
      const verifier = new ChainVerifier(head ?? null, anchors, options.published ?? []);
      let after = '0';
      for (;;) {
        const page = await rows.sealedAfter(tx, after, PAGE);
        for (const row of page) verifier.accept(row);
        const last = page.at(-1);
        if (last === undefined || page.length < PAGE) break;
        after = last.chainSeq;
      }
      const [counts] = await tx.execute<{ unsealed: string; overdue: string }[]>(
        `with cutoff as (select coalesce(?::timestamptz, clock_timestamp()) - (? * interval '1 millisecond') as at)
         select count(*)::text as unsealed, count(*) filter (where h.at < cutoff.at)::text as overdue
           from ${rows.entries} h, cutoff where h.chain_seq is null`,
        [options.now ?? null, options.unsealedAllowanceMs],
      );
      const overdue = await tx.execute<OverdueRow[]>(
        `select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from ${rows.entries}
          where chain_seq is null and at < coalesce(?::timestamptz, clock_timestamp()) - (? * interval '1 millisecond')
          order by at, id limit 10`,
        [options.now ?? null, options.unsealedAllowanceMs],
      );
      return {
        ...verifier.finish(),
        unsealed: Number(counts?.unsealed ?? 0),
        overdue,
        overdueCount: Number(counts?.overdue ?? 0),
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
