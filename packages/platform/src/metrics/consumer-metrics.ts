import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ConsumerInfo } from '@nats-io/jetstream';
import { Gauge } from 'prom-client';

import { EVENT_STREAM } from '@tic/contracts';

import { NatsConnectionService } from '../nats/nats-connection';
import { SERVICE_IDENTITY, type ServiceIdentity } from '../platform-config';
import { OwnedMetrics, sharedRead } from './metric-registry';

export const CONSUMER_METRIC_NAMES = {
  pending: 'tic_consumer_pending_messages',
  ackPending: 'tic_consumer_ack_pending_messages',
  infoAvailable: 'tic_consumer_info_available',
  parked: 'tic_consumer_parked_events',
} as const;

// JetStream's consumer info is a request to the server: cached briefly so that scrapes stay cheap.
const CONSUMER_INFO_FRESH_MS = 2000;
// A scrape must not hang on a NATS that does not answer: the read gives up and says so.
const CONSUMER_INFO_TIMEOUT_MS = 2000;
const PARKED_FRESH_MS = 1000;

/**
 * The service's event consumers as JetStream and Postgres see them: messages each durable has not yet
 * delivered (num_pending) or that wait for an acknowledgement (num_ack_pending), and the events parked
 * for an operator, not yet replayed. Durables are found by the service's prefix (`<service>-<name>`).
 */
@Injectable()
export class ConsumerMetrics implements OnModuleDestroy {
  private readonly metrics = new OwnedMetrics();
  private readonly logger = new Logger(ConsumerMetrics.name);
  private readonly consumers: () => Promise<readonly ConsumerInfo[] | undefined>;
  private readonly parked: () => Promise<readonly { consumer: string; reason: string; count: number }[] | undefined>;

  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionService,
    @Inject(SERVICE_IDENTITY) identity: ServiceIdentity,
  ) {
    const service = identity.service;
    this.consumers = sharedRead(CONSUMER_INFO_FRESH_MS, () => this.readConsumers(`${service}-`));
    this.parked = sharedRead(PARKED_FRESH_MS, () => this.readParked(`"${service}"."parked_event"`));
    const consumers = this.consumers;
    const perConsumer = (name: string, help: string, pick: (info: ConsumerInfo) => number) =>
      this.metrics.gaugeOnScrape({
        name,
        help,
        labelNames: ['service', 'consumer'],
        read: consumers,
        samples: (infos) => infos.map((info) => [{ service, consumer: info.name }, pick(info)] as const),
      });
    perConsumer(
      CONSUMER_METRIC_NAMES.pending,
      'Events in the stream the durable consumer has not delivered yet',
      (i) => i.num_pending,
    );
    perConsumer(
      CONSUMER_METRIC_NAMES.ackPending,
      'Events delivered to the durable consumer and not acknowledged yet (being applied, or waiting to be retried)',
      (i) => i.num_ack_pending,
    );
    this.metrics.create(
      CONSUMER_METRIC_NAMES.infoAvailable,
      () =>
        new Gauge({
          name: CONSUMER_METRIC_NAMES.infoAvailable,
          help: "1 when JetStream answered for the service's consumers at the last scrape, 0 when it did not (pending is then unknown)",
          labelNames: ['service'] as const,
          async collect() {
            this.set({ service }, (await consumers()) === undefined ? 0 : 1);
          },
        }),
    );
    this.metrics.gaugeOnScrape({
      name: CONSUMER_METRIC_NAMES.parked,
      help: 'Events a consumer parked for an operator (malformed, failed, held, version gap), not replayed yet',
      labelNames: ['service', 'consumer', 'reason'],
      read: this.parked,
      samples: (rows) =>
        rows.map((row) => [{ service, consumer: row.consumer, reason: row.reason }, row.count] as const),
    });
  }

  private async readConsumers(prefix: string): Promise<readonly ConsumerInfo[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error('JetStream did not answer in time'));
      }, CONSUMER_INFO_TIMEOUT_MS);
    });
    try {
      const list = async () => {
        const jsm = await this.nats.jetstreamManager();
        const found: ConsumerInfo[] = [];
        for await (const info of jsm.consumers.list(EVENT_STREAM)) if (info.name.startsWith(prefix)) found.push(info);
        return found;
      };
      return await Promise.race([list(), timeout]);
    } catch (error) {
      this.logger.debug(`consumer info unavailable: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async readParked(table: string) {
    return this.orm.em
      .fork()
      .execute<{ consumer: string; reason: string; count: number }[]>(
        `select consumer, reason, count(*)::int as count from ${table} where replayed_at is null group by consumer, reason`,
      );
  }

  onModuleDestroy(): void {
    this.metrics.removeAll();
  }
}
