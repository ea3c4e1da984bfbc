import { createHmac } from 'node:crypto';

import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';

import type { RpcDefinition } from '@tic/contracts';

import type { BaseConfig } from '../config/config';
import { currentCallContext } from '../context/call-context';
import { EventOutbox } from '../events/event-outbox';
import { withVersionCheck } from '../model/versioning';
import { PLATFORM_CONFIG } from '../platform-config';
import { refusalCode, RpcFailure } from '../rpc/rpc-failure';
import { CommandScope } from './command-scope';
import { IdempotencyRecord } from './idempotency-record.entity';

/**
 * Every command of a service runs here: one transaction in which the work locks and changes its
 * aggregate, the domain decides, history and outbox rows are written, and, when the call carries an
 * Idempotency-Key, the answer is recorded with the change. A retry of the same call (say after the
 * caller's timeout) waits for the first to commit and gets its answer; it changes nothing again.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: EventOutbox,
    @Inject(PLATFORM_CONFIG) private readonly config: BaseConfig,
  ) {}

  /**
   * Runs `work` as the command `operation` with `input`. The answer (JSON) is what `answer` makes of
   * the work's result once the change is flushed (so it shows the new versions), or the result itself.
   */
  async run<T, R = T>(
    operation: RpcDefinition | string,
    input: unknown,
    work: (scope: CommandScope) => Promise<T>,
    answer?: (em: EntityManager, result: T) => Promise<R>,
  ): Promise<R> {
    const context = currentCallContext();
    const subject = typeof operation === 'string' ? operation : operation.subject;
    const key = context?.idempotencyKey;
    return withVersionCheck(() =>
      this.em.fork().transactional(async (em) => {
        const claim =
          key === undefined
            ? undefined
            : {
                callerId: context?.caller?.userId ?? '',
                key,
                operation: subject,
                fingerprint: this.fingerprint(subject, input),
              };
        if (claim !== undefined) {
          const replay = await this.claim(em, claim);
          if (replay !== undefined) return replay.result as R;
        }
        const scope = new CommandScope(em, this.outbox, context?.caller, context?.correlationId ?? null);
        const done = await work(scope);
        await scope.flush();
        const result = answer === undefined ? (done as unknown as R) : await answer(em, done);
        if (claim !== undefined) {
          await em.nativeUpdate(
            IdempotencyRecord,
            { callerId: claim.callerId, key: claim.key },
            { result: result ?? null },
          );
        }
        return result;
      }),
    );
  }

  /**
   * The answer already given to this call (same caller, Idempotency-Key, operation and input), or
   * undefined. For what a service spends before `run` (a usage quota): a retry whose first attempt
   * committed is answered again without spending twice; a retry racing its first attempt still waits
   * for it inside `run`.
   */
  async answeredBefore(operation: RpcDefinition | string, input: unknown): Promise<{ answer: unknown } | undefined> {
    const context = currentCallContext();
    const key = context?.idempotencyKey;
    if (key === undefined) return undefined;
    const subject = typeof operation === 'string' ? operation : operation.subject;
    const record = await this.em
      .fork()
      .findOne(IdempotencyRecord, { callerId: context?.caller?.userId ?? '', key }, { refresh: true });
    if (record?.operation !== subject || record.fingerprint !== this.fingerprint(subject, input)) return undefined;
    return { answer: record.result };
  }

  /**
   * Takes the key, or returns the record of the call that took it first. The insert waits while
   * another transaction holds the same key uncommitted, so a retry that overtakes the first attempt
   * sees its answer once it commits (or takes the key if it rolled back).
   */
  private async claim(
    em: EntityManager,
    claim: Omit<IdempotencyRecord, 'result' | 'createdAt'>,
  ): Promise<IdempotencyRecord | undefined> {
    const inserted = await em
      .createQueryBuilder(IdempotencyRecord)
      .insert({ ...claim, result: null, createdAt: new Date() })
      .onConflict(['callerId', 'key'])
      .ignore()
      .execute<{ affectedRows: number }>('run');
    if (inserted.affectedRows > 0) return undefined;
    const first = await em.findOneOrFail(
      IdempotencyRecord,
      { callerId: claim.callerId, key: claim.key },
      { refresh: true },
    );
    if (first.operation !== claim.operation || first.fingerprint !== claim.fingerprint) {
      throw RpcFailure.of(
        'conflict',
        { zh: '该幂等键已用于另一个请求', en: 'This Idempotency-Key was used for another request' },
        {
          errors: [{ path: 'Idempotency-Key', message: 'was used before with another request; use a new key' }],
          ...refusalCode('idempotency.key_reused'),
        },
      );
    }
    return first;
  }

  private fingerprint(operation: string, input: unknown): string {
    return createHmac('sha256', this.config.IDEMPOTENCY_FINGERPRINT_KEY)
      .update(operation)
      .update('\n')
      .update(canonicalJson(input))
      .digest('hex');
  }
}

/** JSON with object keys sorted, so that the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
