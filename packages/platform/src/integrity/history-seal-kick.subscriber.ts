import { MikroORM, type EventSubscriber, type FlushEventArgs, type TransactionEventArgs } from '@mikro-orm/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { HistoryEntry } from '../command/history-entry.entity';
import { HistorySealer } from './history-sealer';

/**
 * Wakes the sealer once a transaction that wrote history rows commits, so that rows are chained within
 * moments of their command; the sealer's own poll covers the rest. Nothing runs inside the command's
 * transaction: sealing before commit would make every command wait on the chain's one lock.
 */
@Injectable()
export class HistorySealKickSubscriber implements EventSubscriber, OnModuleInit {
  // Transactions that flushed history rows; the sealer's own transactions write none through the ORM.
  private readonly pending = new WeakSet<object>();

  constructor(
    private readonly orm: MikroORM,
    private readonly sealer: HistorySealer,
  ) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  afterFlush(args: FlushEventArgs): void {
    const wroteHistory = args.uow.getChangeSets().some((changeSet) => changeSet.entity instanceof HistoryEntry);
    if (!wroteHistory) return;
    // MikroORM's transaction context is a knex transaction: a function object.
    const transaction: unknown = args.em.getTransactionContext();
    if (isObject(transaction)) this.pending.add(transaction);
    else this.sealer.kickSoon();
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const transaction: unknown = args.transaction;
    if (isObject(transaction) && this.pending.has(transaction)) {
      this.pending.delete(transaction);
      this.sealer.kickSoon();
    }
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}
