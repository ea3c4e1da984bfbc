import { MikroORM, type EventSubscriber, type TransactionEventArgs, type FlushEventArgs } from '@mikro-orm/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';

/**
 * Wakes the relay as soon as a transaction that wrote outbox rows commits, so that events leave
 * within milliseconds; the relay's periodic pass covers everything else.
 */
@Injectable()
export class RelayKickSubscriber implements EventSubscriber, OnModuleInit {
  // Transactions that flushed outbox rows; the relay's own transactions never appear here.
  private readonly pending = new WeakSet<object>();

  constructor(
    private readonly orm: MikroORM,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  afterFlush(args: FlushEventArgs): void {
    const wroteEvents = args.uow.getChangeSets().some((changeSet) => changeSet.entity instanceof OutboxEvent);
    if (!wroteEvents) return;
    // MikroORM's transaction context is a knex transaction: a function object.
    const transaction: unknown = args.em.getTransactionContext();
    if (isObject(transaction)) this.pending.add(transaction);
    else this.relay.kick();
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const transaction: unknown = args.transaction;
    if (isObject(transaction) && this.pending.has(transaction)) {
      this.pending.delete(transaction);
      this.relay.kick();
    }
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}
