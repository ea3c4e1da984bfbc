import type { EntityManager } from '@mikro-orm/postgresql';

import type { ChainedRowFields } from './canonical-encoding';
import type { SealedRow } from './chain-verifier';

/**
 * The columns a chain hash covers, named as ChainedRowFields. `at` is Postgres's own rendering in UTC
 * with microseconds, and the sequence is text: both exactly as stored, whatever the driver would make of them.
 */
const ROW_COLUMNS = `chain_seq::text as "chainSeq", id, aggregate_type as "aggregateType", aggregate_id as "aggregateId",
  aggregate_version as "aggregateVersion", action, from_status as "fromStatus", to_status as "toStatus",
  actor_user_id as "actorUserId", actor_name as "actorName", actor_role as "actorRole", comment, article, findings,
  correlation_id as "correlationId", to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`;

type UnsealedRow = Omit<ChainedRowFields, 'chainSeq'>;

/** The SQL of one service's history chain tables, in its schema. */
export class HistoryRows {
  readonly entries: string;
  readonly head: string;
  readonly anchors: string;

  constructor(readonly schema: string) {
    this.entries = `"${schema}"."history_entry"`;
    this.head = `"${schema}"."history_chain_head"`;
    this.anchors = `"${schema}"."history_anchor"`;
  }

  /** The oldest rows not yet chained, in the order the sealer chains them. */
  unsealed(em: EntityManager, limit: number): Promise<UnsealedRow[]> {
    return em.execute<UnsealedRow[]>(
      `select ${ROW_COLUMNS} from ${this.entries} where chain_seq is null order by at, id limit ?`,
      [limit],
    );
  }

  /** Sealed rows after `afterSeq`, in chain order: a page of the walk verification makes. */
  sealedAfter(em: EntityManager, afterSeq: string, limit: number): Promise<SealedRow[]> {
    return em.execute<SealedRow[]>(
      `select ${ROW_COLUMNS}, chain_hash as "chainHash" from ${this.entries}
        where chain_seq > ?::bigint order by chain_seq limit ?`,
      [afterSeq, limit],
    );
  }

  /** Gives rows their sequence and hash in one statement. */
  async seal(em: EntityManager, sealed: readonly { id: string; seq: string; hash: string }[]): Promise<void> {
    await em.execute(
      `update ${this.entries} h set chain_seq = v.seq, chain_hash = v.hash
         from jsonb_to_recordset(?::jsonb) as v(id uuid, seq bigint, hash text)
        where h.id = v.id and h.chain_seq is null`,
      [JSON.stringify(sealed)],
      'run',
    );
  }
}
