import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { ExpenseCategory, LedgerEntryKind } from '@tic/domain';

/**
 * A36 单独核算: one line of an allocation's ledger, numbered without gaps within it. Never edited or
 * deleted; a correction is a reversing entry (the negative amount, naming the entry it reverses).
 */
@Entity({ tableName: 'ledger_entry' })
@Unique({ properties: ['allocationId', 'sequence'] })
@Index({ properties: ['allocationId', 'category'] })
export class LedgerEntry {
  [OptionalProps]?: 'reverses' | 'reversedBy' | 'note' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  allocationId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'text' })
  kind!: LedgerEntryKind;

  @Property({ type: 'date' })
  spentOn!: string;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: 'text' })
  category!: ExpenseCategory;

  @Property({ type: 'text' })
  payee!: string;

  @Property({ type: 'text' })
  voucherRef!: string;

  @Property({ type: 'boolean' })
  procurement!: boolean;

  @Property({ type: 'boolean' })
  stateAsset!: boolean;

  /** The expenditure a reversal reverses; at most one reversal names an entry. */
  @Property({ type: 'uuid', nullable: true })
  @Unique()
  reverses: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  reversedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'text' })
  recordedByUserId!: string;

  @Property({ type: new BigIntType('number') })
  balanceAfterFen!: number;

  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}
