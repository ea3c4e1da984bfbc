import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The first answer to a command sent with an Idempotency-Key, written in the same transaction as the
 * command's change: a retry after a timeout finds it and gets that answer, never a second aggregate.
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** Keys are the caller's: the same key from another user is another request. */
  @PrimaryKey({ type: 'text' })
  callerId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** The RPC subject the key was first used for. */
  @Property({ type: 'text' })
  operation!: string;

  /** HMAC of the request body (it may hold a resident ID number): a reuse with another body is refused. */
  @Property({ type: 'text' })
  fingerprint!: string;

  @Property({ type: 'jsonb', nullable: true })
  result!: unknown;

  /** The retention sweep finds the records past their period by this. */
  @Index()
  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
