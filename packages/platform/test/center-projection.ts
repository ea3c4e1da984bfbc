import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';

import {
  CenterEstablished,
  CenterRenamed,
  CenterRevoked,
  CenterStatusChanged,
  createEvent,
  type CloudEvent,
} from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';

import {
  defineSubscription,
  EventConsumers,
  EventNotYetKnownError,
  NatsConnectionService,
  openOrm,
  type EventConsumerOptions,
  type EventSubscription,
} from '../src';

/** A consumer's projection of centers; `applied` counts the effects, so a double application shows. */
@Entity({ tableName: 'center_view' })
export class CenterView {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) status!: string;
  @Property({ type: 'integer' }) applied!: number;
}

/** Fails every `tic.center.renamed` whose new name contains this text, while `poison.on` is true. */
export const poison = { on: false, marker: '毒' };

async function bump(
  em: Parameters<EventSubscription['handle']>[0],
  id: string,
  change: Partial<CenterView>,
): Promise<void> {
  const view = await em.findOne(CenterView, { id });
  if (!view) throw new EventNotYetKnownError(`center ${id}`);
  Object.assign(view, change, { applied: view.applied + 1 });
}

export const centerSubscription = defineSubscription({
  name: 'centers',
  aggregate: 'center',
  on: {
    'tic.center.established': (em, { data }) => {
      em.persist(em.create(CenterView, { id: data.centerId, name: data.name.zh, status: data.status, applied: 1 }));
      return Promise.resolve();
    },
    'tic.center.renamed': async (em, { data }) => {
      if (poison.on && data.name.zh.includes(poison.marker)) throw new Error(`cannot apply the name ${data.name.zh}`);
      await bump(em, data.centerId, { name: data.name.zh });
    },
    'tic.center.status_changed': (em, { data }) => bump(em, data.centerId, { status: data.to }),
    'tic.center.revoked': (em, { data }) => bump(em, data.centerId, { status: 'revoked' }),
    'tic.center.graduated': 'ignore',
    'tic.center.filed': 'ignore',
    'tic.center.direction_changed': 'ignore',
    'tic.center.units_changed': 'ignore',
    'tic.center.preparation_overdue': 'ignore',
  },
});

/** A center's life in four events, built from the contracts' definitions and fixtures: its final name is `renamedTo`. */
export function centerLife(renamedTo = `中心-${randomUUID().slice(0, 8)}`): {
  id: string;
  renamedTo: string;
  events: CloudEvent[];
} {
  const id = randomUUID();
  const at = (v: number) => ({ id: randomUUID(), subject: id, time: new Date().toISOString(), aggregateVersion: v });
  const name = { zh: renamedTo, en: renamedTo };
  const fixtures = EVENT_DATA_FIXTURES;
  return {
    id,
    renamedTo,
    events: [
      createEvent(CenterEstablished, {
        ...at(1),
        data: { ...fixtures['tic.center.established'], centerId: id, status: 'operating' },
      }),
      createEvent(CenterRenamed, { ...at(2), data: { ...fixtures['tic.center.renamed'], centerId: id, name } }),
      createEvent(CenterStatusChanged, {
        ...at(3),
        data: { ...fixtures['tic.center.status_changed'], centerId: id, name, from: 'operating', to: 'rectifying' },
      }),
      createEvent(CenterRevoked, { ...at(4), data: { ...fixtures['tic.center.revoked'], centerId: id, name } }),
    ],
  };
}

export interface Replica {
  readonly consumers: EventConsumers;
  readonly orm: MikroORM;
  close(): Promise<void>;
}

/** Creates the schema's tables straight from the entities (this is about consumption, not migrations). */
export async function createSchema(databaseUrl: string, schema: string): Promise<void> {
  const orm = await openOrm({ databaseUrl, schema, entities: [CenterView], migrationsPath: __dirname });
  await orm.schema.createSchema({ schema });
  await orm.close();
}

/** One replica of a service: its own pool, its own NATS connection, the same durable as the others. */
export async function startReplica(
  databaseUrl: string,
  natsUrl: string,
  options: Partial<EventConsumerOptions> = {},
  subscriptions: readonly EventSubscription[] = [centerSubscription],
): Promise<Replica> {
  const orm = await openOrm({ databaseUrl, schema: 'svc', entities: [CenterView], migrationsPath: __dirname });
  const nats = new NatsConnectionService(natsUrl, 'replica');
  const consumers = new EventConsumers(
    orm,
    nats,
    { service: 'svc', maxFailures: 5, retryBaseMs: 20, retryMaxMs: 1_000, ...options },
    subscriptions,
  );
  consumers.onApplicationBootstrap();
  return {
    consumers,
    orm,
    close: async () => {
      await consumers.beforeApplicationShutdown();
      await nats.onApplicationShutdown();
      await orm.close();
    },
  };
}
