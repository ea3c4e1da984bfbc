import { LockMode, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';

import type { EventDefinition, EventTypeName } from '@tic/contracts';
import type { Decision, Finding, LocalizedText, Permission } from '@tic/domain';

import type { Caller } from '../context/call-context';
import type { EventOutbox, RecordEvent } from '../events/event-outbox';
import type { AggregateRoot } from '../model/aggregate.entity';
import { assertVersion } from '../model/versioning';
import { RpcFailure } from '../rpc/rpc-failure';
import { newId } from '../model/ids';
import { HistoryEntry } from './history-entry.entity';

/** What a history row says about one step of an aggregate. */
export interface HistoryStep {
  readonly aggregateType: string;
  readonly action: string;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly findings?: readonly Finding[];
  /** Who acted, when not the caller (a member of the public filing an objection has none). */
  readonly actor?: HistoryActor;
  readonly comment?: string | null;
  /** The article of the measures the step rests on. */
  readonly article?: string | null;
}

/** Who took a step, and in which role. */
export interface HistoryActor {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
}

/** The inside of one command's transaction: lock, decide, history, outbox, all committed together. */
export class CommandScope {
  private readonly steps: { aggregate: AggregateRoot<string>; step: HistoryStep }[] = [];

  constructor(
    readonly em: EntityManager,
    private readonly outbox: EventOutbox,
    readonly caller: Caller | undefined,
    private readonly correlationId: string | null,
  ) {}

  /**
   * Locks the aggregate's row for the rest of the transaction (select … for update) and refuses a
   * change based on a version the client no longer holds (409 stale_version).
   */
  async lock<T extends AggregateRoot<string>>(
    entity: EntityName<T>,
    id: string,
    expectedVersion: number | undefined,
    what: LocalizedText,
  ): Promise<T> {
    const row = await findForUpdate(this.em, entity, id);
    if (row === null) throw RpcFailure.notFound(what);
    if (expectedVersion !== undefined) assertVersion(expectedVersion, row.version);
    return row;
  }

  /** The domain's decision, or its refusal thrown with its code, rule and article. */
  decide<S extends string>(decision: Decision<S>): Permission<S> {
    if (!decision.ok) throw RpcFailure.fromRefusal(decision);
    return decision;
  }

  /** Records the step in the aggregate's history; the row is written with the version the commit gives it. */
  history(aggregate: AggregateRoot<string>, step: HistoryStep): void {
    this.steps.push({ aggregate, step });
  }

  /** Writes an event into the outbox, in this transaction. */
  record<T extends EventTypeName, D extends z.ZodType>(
    definition: EventDefinition<T, D>,
    event: RecordEvent<z.input<D>>,
  ): void {
    this.outbox.record(this.em, definition, event);
  }

  /** Flushes the change, then the history rows with the versions the change produced. */
  async flush(): Promise<void> {
    await this.em.flush();
    const steps = this.steps.splice(0);
    if (steps.length === 0) return;
    for (const { aggregate, step } of steps) {
      const actor = step.actor ?? this.caller;
      this.em.persist(
        this.em.create(HistoryEntry, {
          id: newId(),
          aggregateType: step.aggregateType,
          aggregateId: aggregate.id,
          aggregateVersion: aggregate.version,
          action: step.action,
          fromStatus: step.from ?? null,
          toStatus: step.to ?? null,
          actorUserId: actor?.userId ?? null,
          actorName: actor?.name ?? null,
          actorRole: actor?.role ?? null,
          comment: step.comment ?? null,
          article: step.article ?? null,
          findings: [...(step.findings ?? [])],
          correlationId: this.correlationId,
          at: new Date(),
        }),
      );
    }
    await this.em.flush();
  }
}

/** The row, locked until the transaction ends; null when there is none. Call inside a transaction. */
export function findForUpdate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
): Promise<T | null> {
  // `refresh`: a row this manager already holds is read again under the lock, not served stale.
  return em.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
