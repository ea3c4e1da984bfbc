import {
  MikroORM,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
} from '@mikro-orm/core';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { Deadline } from '../entities/deadline.entity';
import { DeadlineReminder } from '../entities/deadline-reminder.entity';
import { DeadlineJobs } from './deadline-jobs';

/**
 * Derives the jobs of the deadlines a transaction wrote once it commits, never before: a job must
 * not run for a row that may still roll back. Inside a nested transaction (a savepoint) there is no
 * commit event to wait for; those deadlines get their jobs at the next start, and the sweep fires
 * them on time meanwhile.
 */
@Injectable()
export class DeadlineJobsSubscriber implements EventSubscriber, OnModuleInit {
  private readonly touched = new WeakMap<object, Set<string>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: DeadlineJobs,
  ) {}

  onModuleInit(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /** Re-derives the jobs of these deadlines after `em`'s transaction commits; at once when it has none. */
  track(em: EntityManager, ids: Iterable<string>): void {
    const transaction = transactionKey(em.getTransactionContext());
    if (transaction === undefined) {
      this.jobs.syncSoon(ids);
      return;
    }
    let set = this.touched.get(transaction);
    if (!set) this.touched.set(transaction, (set = new Set()));
    for (const id of ids) set.add(id);
  }

  afterFlush(args: FlushEventArgs): void {
    const ids = new Set<string>();
    for (const changeSet of args.uow.getChangeSets()) {
      const entity: unknown = changeSet.entity;
      if (entity instanceof Deadline) ids.add(entity.id);
      else if (entity instanceof DeadlineReminder) ids.add(entity.deadlineId);
    }
    if (ids.size > 0) this.track(args.em, ids);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const transaction = transactionKey(args.transaction);
    if (transaction === undefined) return;
    const ids = this.touched.get(transaction);
    this.touched.delete(transaction);
    if (ids) this.jobs.syncSoon(ids);
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    const transaction = transactionKey(args.transaction);
    if (transaction !== undefined) this.touched.delete(transaction);
  }
}

// A knex transaction is a function object, not a plain object: both identify a transaction.
function transactionKey(transaction: unknown): object | undefined {
  return (typeof transaction === 'object' && transaction !== null) || typeof transaction === 'function'
    ? transaction
    : undefined;
}
