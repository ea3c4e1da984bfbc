import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import { createEvent, type EventDefinition } from './define-event';
import { EVENT_DEFINITIONS, eventDefinition, parseEvent, type EventType } from './event-catalogue';
import { EVENT_DATA_FIXTURES, FIXTURE_SUBJECT_ID } from './fixtures';
import { ALL_EVENTS_SUBJECT, EVENT_STREAM, RPC_SUBJECT_PREFIX, rpcSubject } from './subjects';

// CONTRACT.md: event types that must exist.
const REQUIRED_TYPES = [
  'tic.application.submitted',
  'tic.application.recommended',
  'tic.application.returned',
  'tic.application.rejected',
  'tic.application.approved',
  'tic.public_notice.started',
  'tic.center.established',
  'tic.center.filed',
  'tic.center.preparation_overdue',
  'tic.center.renamed',
  'tic.center.direction_changed',
  'tic.center.units_changed',
  'tic.center.status_changed',
  'tic.center.revoked',
  'tic.center.graduated',
  'tic.personnel.director_changed',
  'tic.personnel.duplicate_found',
  'tic.report.submitted',
  'tic.report.overdue',
  'tic.evaluation.graded',
  'tic.rectification.started',
  'tic.rectification.accepted',
  'tic.funding.allocated',
  'tic.deadline.reminder',
  'tic.deadline.overdue',
];

const types = EVENT_DEFINITIONS.map((d) => d.type);

function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema as Record<string, unknown>).flatMap(([key, value]) =>
    key === 'properties' && typeof value === 'object' && value !== null
      ? [...Object.keys(value), ...Object.values(value as Record<string, unknown>).flatMap(propertyNames)]
      : propertyNames(value),
  );
}

function sample(definition: EventDefinition, producer = definition.producers[0]) {
  return createEvent(definition, {
    producer,
    id: randomUUID(),
    subject: FIXTURE_SUBJECT_ID,
    time: '2026-11-28T02:00:00.000Z',
    aggregateVersion: 3,
    data: EVENT_DATA_FIXTURES[definition.type as EventType],
  });
}

describe('the event catalogue', () => {
  it.each(REQUIRED_TYPES)('has %s', (type) => {
    expect(types).toContain(type);
  });

  it('declares each type once', () => {
    expect(new Set(types).size).toBe(types.length);
  });

  it.each(EVENT_DEFINITIONS.map((d) => [d.type, d] as const))(
    '%s is published on tic.events.<aggregate>.<event>',
    (type, definition) => {
      expect(definition.subject).toBe(`tic.events.${type.slice('tic.'.length)}`);
      expect(definition.subject.startsWith(`${RPC_SUBJECT_PREFIX}.`)).toBe(false);
    },
  );

  it('keeps events and RPCs in subject spaces that never overlap', () => {
    expect(ALL_EVENTS_SUBJECT).toBe('tic.events.>');
    expect(rpcSubject('applications', 'applications.submit')).toBe('tic.rpc.applications.applications.submit');
    expect(EVENT_STREAM).toBe('TIC_EVENTS');
  });
});

describe.each(EVENT_DEFINITIONS.map((d) => [d.type, d] as const))('%s', (type, definition) => {
  it('builds a CloudEvents 1.0 document that a consumer parses back unchanged', () => {
    const event = sample(definition);
    expect(event).toMatchObject({
      specversion: '1.0',
      type,
      source: `/tic/${definition.producers[0] ?? ''}`,
      datacontenttype: 'application/json',
      aggregateversion: 3,
    });
    const parsed = parseEvent(JSON.parse(JSON.stringify(event)));
    expect(parsed).toEqual({ ok: true, event });
  });

  it('refuses a document whose data breaks the schema, naming the field', () => {
    const event = { ...sample(definition), data: {} };
    const parsed = parseEvent(event);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.every((e) => e.path.startsWith('data.'))).toBe(true);
  });

  it('carries no identity number in its schema (CONTRACT.md: no personal information)', () => {
    expect(propertyNames(z.toJSONSchema(definition.data, { io: 'input' }))).not.toContainEqual(
      expect.stringMatching(/resident|idNumber|id_number|idCard|identity/i),
    );
  });
});

describe('envelopes', () => {
  it('needs the producer named where several services publish a type', () => {
    const reminder = eventDefinition('tic.deadline.reminder')!;
    expect(reminder.producers).toEqual(['applications', 'personnel', 'evaluations']);
    expect(() =>
      createEvent(reminder, {
        id: randomUUID(),
        subject: FIXTURE_SUBJECT_ID,
        time: '2026-11-28T02:00:00Z',
        aggregateVersion: 1,
        data: EVENT_DATA_FIXTURES['tic.deadline.reminder'],
      }),
    ).toThrow(/name the producer/);
    expect(sample(reminder, 'personnel').source).toBe('/tic/personnel');
    expect(() => sample(reminder, 'funding')).toThrow(RangeError);
  });

  it.each([
    ['an unknown type', { type: 'tic.center.exploded' }, 'type'],
    ['no type at all', { type: undefined }, 'type'],
    ['an aggregate version of 0', { aggregateversion: 0 }, 'aggregateversion'],
    ['a local time without zone', { time: '2026-11-28T10:00:00' }, 'time'],
    [
      'an impossible date in data',
      { data: { ...EVENT_DATA_FIXTURES['tic.center.filed'], filedOn: '2026-02-30' } },
      'data.filedOn',
    ],
  ])('refuses %s', (_case, change, path) => {
    const base = sample(eventDefinition('tic.center.filed')!);
    const parsed = parseEvent({ ...base, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toContain(path);
  });

  it('passes trace context and correlation id through as extensions', () => {
    const event = createEvent(eventDefinition('tic.center.filed')!, {
      id: randomUUID(),
      subject: FIXTURE_SUBJECT_ID,
      time: '2026-11-28T02:00:00Z',
      aggregateVersion: 2,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationId: 'req-42',
      data: EVENT_DATA_FIXTURES['tic.center.filed'],
    });
    expect(event).toMatchObject({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'req-42',
    });
  });
});
