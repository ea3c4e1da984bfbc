import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { JetStreamManager } from '@nats-io/jetstream';
import { context, trace } from '@opentelemetry/api';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';

import { EVENT_STREAM, eventSubject } from '@tic/contracts';

import { SinglePass } from '../background/single-pass';
import type { NatsConnectionService } from '../nats/nats-connection';
import { eventPublishSpan } from '../telemetry/messaging-spans';
import { beginSpan, failSpan } from '../telemetry/spans';
import { injectTraceContext } from '../telemetry/trace-context';
import { ensureEventStream } from './event-stream';
import { OutboxReconciler, type Reconciliation } from './outbox-reconciler';
import { OutboxRows, type AckedRow, type PendingRow } from './outbox-rows';
import { classifyPublishFailure, describeError } from './publish-failure';

export interface OutboxRelayOptions {
  /** The service's schema; names the relay's advisory lock. */
  readonly schema: string;
  /** How often the relay looks for rows left behind (after a crash, or written by another instance). */
  readonly pollIntervalMs: number;
  readonly batchSize: number;
  /** Off only to let a test stop a service between commit and publication (or drive passes itself). */
  readonly enabled: boolean;
  /** How long a pass waits for JetStream's acknowledgements (default 5 s). */
  readonly ackTimeoutMs?: number;
  /**
   * How long the pass's transaction may sit idle (and a statement run) before Postgres ends the
   * session, releasing the relay lock (default 30 s; must exceed ackTimeoutMs).
   */
  readonly transactionTimeoutMs?: number;
  /** Refusals by JetStream before the relay gives up on an event (default 5). */
  readonly maxAttempts?: number;
}

interface PassResult {
  readonly recorded: number;
  /** Whether another pass could find more to do right away. */
  readonly more: boolean;
}

// Room for the headers the relay adds (Nats-Msg-Id, Content-Type) on top of the document.
const HEADER_BYTES = 256;

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = event id, in journal order.
 * One pass at a time across all instances of the service (a transaction-scoped advisory lock); the
 * others skip. A pass sends its whole batch at once and awaits the acknowledgements together; it
 * records the acknowledged prefix (with each PubAck's stream sequence), so a failure at row k
 * leaves k and the rows after it for the next pass, which JetStream de-duplicates by message id.
 *
 * An event JetStream refused goes alone in the next passes (the rows before it are never sent
 * again with it); one that can never be stored is flagged (`failed_at`, attempts, last error) and
 * its aggregate's later events wait behind it, so consumers see that aggregate stop at its last
 * published version, never a gap, while every other aggregate flows. A missing stream is re-created.
 * After a start, a reconnect or a missing stream the relay reconciles the journal with what the
 * stream holds (OutboxReconciler) before it publishes anything else.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly rows: OutboxRows;
  private readonly reconciler: OutboxReconciler;
  private timer?: NodeJS.Timeout;
  private readonly passes = new SinglePass(
    () => this.drain(),
    () => !this.stopped && this.options.enabled,
  );
  private stopped = false;
  private reconcileNeeded = true;
  private streamMaxMessageBytes?: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    private readonly options: OutboxRelayOptions,
  ) {
    this.rows = new OutboxRows(options.schema);
    this.reconciler = new OutboxReconciler(this.rows);
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureEventStream(await this.nats.jetstreamManager());
    if (!this.options.enabled) {
      this.logger.warn('outbox relay disabled: events stay in the outbox until a relay runs');
      return;
    }
    this.watchReconnects(await this.nats.connect());
    this.timer = setInterval(() => {
      this.kick();
    }, this.options.pollIntervalMs);
    this.kick();
  }

  /** Asks for a pass soon; passes never overlap within an instance. */
  kick(): void {
    this.passes.kick();
  }

  /** Publishes until nothing is left (or another instance holds the lock, or NATS fails); for tests and shutdown. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.pass()).more);
    } catch (error) {
      // JetStream may have acknowledged what Postgres then failed to record: look it up before sending it again.
      this.reconcileNeeded = true;
      this.logger.error(`outbox relay pass failed: ${describeError(error)}`);
    }
  }

  /** One pass: returns how many events it recorded as published. */
  async publishBatch(): Promise<number> {
    return (await this.pass()).recorded;
  }

  /** Lets the relay try an event it gave up on again, with its aggregate's events behind it. */
  async release(eventId: string): Promise<boolean> {
    const released = await this.orm.em.fork().transactional((em) => this.rows.release(em, eventId));
    if (released) this.kick();
    return released;
  }

  private async pass(): Promise<PassResult> {
    const nc = await this.nats.connect();
    const jsm = await this.nats.jetstreamManager();
    return this.orm.em.fork().transactional(async (em: EntityManager): Promise<PassResult> => {
      const timeout = this.options.transactionTimeoutMs ?? 30_000;
      if (!(await this.rows.lockAndGuard(em, timeout, timeout))) return { recorded: 0, more: false };
      if (this.reconcileNeeded) {
        const found = await this.reconciler.reconcile(em, jsm);
        this.reconcileNeeded = found.backfillPending;
        this.streamMaxMessageBytes = found.maxMessageBytes;
        this.logReconciliation(found);
      }
      const rows = await this.rows.pending(em, this.options.batchSize);
      if (rows.length === 0) return { recorded: 0, more: false };
      // A row JetStream refused before goes alone, so that the rows after it are not sent again with it.
      const alone = (rows[0]?.attempts ?? 0) > 0;
      const batch = alone ? rows.slice(0, 1) : rows;
      const limit = this.messageLimit(nc);
      const oversize = batch.findIndex((row) => messageBytes(row) > limit);
      const sending = oversize === -1 ? batch : batch.slice(0, oversize);
      const { acked, failure } = await this.publish(sending);
      await this.rows.recordPublished(em, acked);
      const more = alone || rows.length === this.options.batchSize;
      if (failure)
        return {
          recorded: acked.length,
          more: (await this.recordFailure(em, jsm, failure.row, failure.error)) || more,
        };
      const tooBig = oversize === -1 ? undefined : batch[oversize];
      if (tooBig) {
        const error = `${messageBytes(tooBig)} bytes with headers, over the ${limit}-byte limit of NATS (max_payload) or the stream (max_msg_size)`;
        await this.rows.recordFailure(em, tooBig.seq, error, { count: true, giveUp: true });
        this.logger.error(`outbox event ${tooBig.eventId} (${tooBig.type}) can never be published: ${error}`);
        return { recorded: acked.length, more: true };
      }
      return { recorded: acked.length, more };
    });
  }

  private logReconciliation({ lost, recovered, backfilled }: Reconciliation): void {
    if (lost > 0) this.logger.warn(`the event stream had lost ${lost} published events: publishing them again`);
    if (recovered > 0)
      this.logger.warn(
        `${recovered} events were in the stream but not recorded as published: recorded, not sent again`,
      );
    if (backfilled > 0)
      this.logger.log(`${backfilled} events published before stream sequences were kept found theirs`);
  }

  /** Sends the batch without waiting between messages and returns the acknowledged prefix. */
  private async publish(
    rows: readonly PendingRow[],
  ): Promise<{ acked: AckedRow[]; failure?: { row: PendingRow; error: unknown } }> {
    const js = await this.nats.jetstream();
    const timeout = this.options.ackTimeoutMs ?? 5_000;
    const results = await Promise.allSettled(
      rows.map(async (row) => {
        const subject = eventSubject(row.type);
        const span = beginSpan(eventPublishSpan(subject, row.eventId, traceparentOf(row)));
        const headers = natsHeaders();
        headers.set('Content-Type', 'application/cloudevents+json');
        injectTraceContext(headers, trace.setSpan(context.active(), span));
        try {
          return await js.publish(subject, JSON.stringify(row.document), { msgID: row.eventId, headers, timeout });
        } catch (error) {
          failSpan(span, error);
          throw error;
        } finally {
          span.end();
        }
      }),
    );
    const acked: AckedRow[] = [];
    for (const [index, result] of results.entries()) {
      const row = rows[index];
      if (row === undefined) break;
      if (result.status === 'rejected') return { acked, failure: { row, error: result.reason } };
      acked.push({ seq: row.seq, streamSeq: result.value.seq });
    }
    return { acked };
  }

  /** Notes the failure on the row; returns whether to pass again at once. */
  private async recordFailure(
    em: EntityManager,
    jsm: JetStreamManager,
    row: PendingRow,
    error: unknown,
  ): Promise<boolean> {
    let kind = classifyPublishFailure(error);
    // A core subscriber on the subjects (a tap, a bridge) turns "no stream" into a timeout instead of no responders.
    if (kind === 'transient' && (await streamMissing(jsm))) kind = 'stream_missing';
    const message = describeError(error);
    if (kind === 'stream_missing') {
      this.logger.warn('the event stream is missing: re-creating it and reconciling the journal');
      this.reconcileNeeded = true;
      await this.rows.recordFailure(em, row.seq, message, { count: false, giveUp: false });
      return true;
    }
    if (kind === 'transient') {
      // A timeout may hide a loss on the server's side: compare with the stream before going on.
      this.reconcileNeeded = true;
      await this.rows.recordFailure(em, row.seq, message, { count: false, giveUp: false });
      return false;
    }
    const giveUp = kind === 'permanent' || row.attempts + 1 >= (this.options.maxAttempts ?? 5);
    await this.rows.recordFailure(em, row.seq, message, { count: true, giveUp });
    this.logger.error(
      `JetStream refused outbox event ${row.eventId} (${row.type})${giveUp ? ', giving up on it' : ''}: ${message}`,
    );
    return true;
  }

  private messageLimit(nc: NatsConnection): number {
    const limits = [nc.info?.max_payload, this.streamMaxMessageBytes].filter(
      (n): n is number => typeof n === 'number' && n > 0,
    );
    return Math.min(Number.MAX_SAFE_INTEGER, ...limits);
  }

  /** After NATS comes back (restarted, or another node), the stream may have lost what it acknowledged. */
  private watchReconnects(nc: NatsConnection): void {
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type !== 'reconnect') continue;
        this.reconcileNeeded = true;
        this.kick();
      }
    })().catch((error: unknown) => {
      this.logger.error(`outbox relay stopped watching NATS reconnects: ${describeError(error)}`);
    });
  }

  // Before the NATS connection drains (onApplicationShutdown): an open pull or publish would hold the drain up.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.passes.settled();
  }
}

async function streamMissing(jsm: JetStreamManager): Promise<boolean> {
  try {
    await jsm.streams.info(EVENT_STREAM);
    return false;
  } catch (error) {
    return classifyPublishFailure(error) === 'stream_missing';
  }
}

function messageBytes(row: PendingRow): number {
  return Buffer.byteLength(JSON.stringify(row.document), 'utf8') + HEADER_BYTES;
}

function traceparentOf(row: PendingRow): string | undefined {
  const traceparent: unknown = row.document.traceparent;
  return typeof traceparent === 'string' ? traceparent : undefined;
}
