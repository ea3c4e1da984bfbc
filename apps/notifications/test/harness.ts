import 'reflect-metadata';

import { join } from 'node:path';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

import {
  CenterEstablished,
  createEvent,
  type EventData,
  eventDefinition,
  type EventType,
  type TicEvent,
} from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import type { Caller } from '@tic/platform';
import { runningService, type RunningService } from '@tic/platform/testing';
import { eventually, PLATFORM_NATS_USERS, type PlatformNatsUser, publishEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { notificationsConfigSchema, type NotificationsConfig } from '../src/config';
import { NOTIFICATIONS_ENTITIES } from '../src/entities';

export { refusal } from '@tic/platform/testing';

const NAMESPACE = '0b7c9f3e-2d41-4f5a-9c8e-1a2b3c4d5e6f';
const orgId = (name: string) => uuidv5(name, NAMESPACE);

/** The organizations of the test world: two centers' units in two cities, DST, the office and two agencies. */
export const ORGS = {
  dst: orgId('省科技厅'),
  committeeOffice: orgId('省委科技委办公室'),
  supporting: orgId('辽宁示范智能装备股份有限公司'),
  construction: orgId('辽宁示范智能装备股份有限公司中央研究院'),
  coBuilder: orgId('东北示范理工大学'),
  recommender: orgId('沈阳市科学技术局'),
  otherSupporting: orgId('大连示范海洋工程研究院有限公司'),
  otherConstruction: orgId('大连示范海洋工程研究院有限公司技术中心'),
  otherRecommender: orgId('大连市科学技术局'),
  agency: orgId('辽宁省财政厅'),
  otherAgency: orgId('辽宁省发展和改革委员会'),
} as const;

/** Signed-in users, one per role, as the gateway passes them after verifying a token. */
export const CALLERS = {
  dst: { userId: 'dst-1', name: '省科技厅王处长', role: 'dst_admin', orgId: ORGS.dst },
  committee: { userId: 'cmo-1', name: '省委科技委办公室李主任', role: 'committee_office', orgId: ORGS.committeeOffice },
  supporting: { userId: 'su-1', name: '依托单位科技处', role: 'supporting_unit', orgId: ORGS.supporting },
  construction: { userId: 'cu-1', name: '研究院综合办', role: 'construction_unit', orgId: ORGS.construction },
  recommender: { userId: 'rec-1', name: '沈阳市科技局', role: 'recommender', orgId: ORGS.recommender },
  otherSupporting: { userId: 'su-2', name: '大连依托单位', role: 'supporting_unit', orgId: ORGS.otherSupporting },
  agency: { userId: 'ag-1', name: '财政厅信息中心', role: 'agency', orgId: ORGS.agency },
  otherAgency: { userId: 'ag-2', name: '发改委信息中心', role: 'agency', orgId: ORGS.otherAgency },
} as const satisfies Record<string, Caller>;

export interface CenterFacts {
  readonly centerId: string;
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly recommenderId: string;
  readonly regionCode: string;
}

/** The notifications service under test. */
export interface RunningNotifications extends RunningService<NotificationsConfig> {
  /** Publishes events as their producers would. */
  publish(events: readonly TicEvent[]): Promise<void>;
  /** A center as the applications service announces it; resolves once the feed has recorded it. */
  newCenter(center?: Partial<CenterFacts>): Promise<string>;
  /** Resolves once the feed holds every one of these events. */
  recorded(eventIds: readonly string[]): Promise<void>;
}

/** The service in this process for a whole test file, on a fresh database and a private NATS. */
export function runningNotifications(label: string, env: Record<string, string> = {}): RunningNotifications {
  const service = runningService({
    label,
    service: 'notifications',
    configSchema: notificationsConfigSchema,
    module: (config) => AppModule.forRoot(config),
    entities: NOTIFICATIONS_ENTITIES,
    migrationsPath: join(__dirname, '..', 'src', 'migrations'),
    env,
  });
  const recorded = async (eventIds: readonly string[]): Promise<void> => {
    await eventually(
      async () => {
        const rows = await service.sql(
          'select count(*)::int as n from notifications.feed_event where event_id = any(array[?]::uuid[])',
          [eventIds],
        );
        const count = (rows[0] as { n: number } | undefined)?.n ?? 0;
        if (count !== eventIds.length) throw new Error(`${count} of ${eventIds.length} events recorded`);
      },
      20_000,
      50,
    );
  };
  // Each event as its producer publishes it (a NATS user may publish only its own aggregates).
  const publish = async (events: readonly TicEvent[]): Promise<void> => {
    // The service creates the stream as it starts; until then a publication has no responders.
    for (const event of events)
      await eventually(() => publishEvents(service.nats, [event], producerOf(event)), 15_000, 100);
  };
  const newCenter = async (facts: Partial<CenterFacts> = {}): Promise<string> => {
    const centerId = facts.centerId ?? uuidv4();
    const event = centerEstablished(centerId, facts);
    await publish([event]);
    await recorded([event.id]);
    return centerId;
  };
  return Object.assign(Object.create(service) as RunningService<NotificationsConfig>, { publish, newCenter, recorded });
}

function producerOf(event: TicEvent): PlatformNatsUser {
  const producer = event.source.replace('/tic/', '');
  if (!(PLATFORM_NATS_USERS as readonly string[]).includes(producer)) throw new RangeError(`no NATS user ${producer}`);
  return producer as PlatformNatsUser;
}

/** `tic.center.established` as the applications service publishes it. */
export function centerEstablished(centerId: string, facts: Partial<CenterFacts> = {}): TicEvent {
  return createEvent(CenterEstablished, {
    id: uuidv4(),
    subject: centerId,
    time: new Date().toISOString(),
    aggregateVersion: 1,
    data: {
      centerId,
      name: {
        zh: `辽宁省智能制造技术创新中心${centerId.slice(0, 4)}`,
        en: `Liaoning Intelligent Manufacturing TIC ${centerId.slice(0, 4)}`,
      },
      applicationId: uuidv4(),
      field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
      track: 'formal',
      status: 'operating',
      supportingUnitId: facts.supportingUnitId ?? ORGS.supporting,
      coBuilderIds: [ORGS.coBuilder],
      constructionUnitId: facts.constructionUnitId ?? ORGS.construction,
      recommenderId: facts.recommenderId ?? ORGS.recommender,
      regionCode: facts.regionCode ?? '210102',
      establishedOn: '2026-01-15',
    },
  });
}

/** One event of any type with the catalogue's sample data, about `subject` (a fresh id, this time). */
export function sampleEvent<T extends EventType>(
  type: T,
  subject: string,
  data: Partial<EventData<T>> = {},
  aggregateVersion = 1,
): TicEvent {
  const definition = eventDefinition(type);
  if (definition === undefined) throw new RangeError(`no event ${type}`);
  return createEvent(definition, {
    id: uuidv4(),
    subject,
    time: new Date().toISOString(),
    aggregateVersion,
    producer: definition.producers[0],
    data: { ...EVENT_DATA_FIXTURES[type], ...data },
  }) as TicEvent;
}
