import { randomUUID } from 'node:crypto';

import { AckPolicy, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection, PermissionViolationError } from '@nats-io/transport-node';

import { createEvent, EVENT_STREAM, CenterEstablished } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';
import {
  natsUserOptions,
  publishEvents,
  readAllEvents,
  startNatsServer,
  type PlatformNatsUser,
  type TestNatsServer,
} from '@tic/testing';

import { ensureEventStream } from '../src';

/**
 * infra/nats/users.conf on a private nats-server: each user may touch only its own subjects. A denied
 * publish or subscription is reported by the server as a permission violation and has no effect.
 */
describe('NATS users and permissions (infra/nats/users.conf)', () => {
  let nats: TestNatsServer;
  const open: NatsConnection[] = [];
  const as = async (user: PlatformNatsUser) => {
    const nc = await connect(natsUserOptions(nats.userEnv(user)));
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    nats = await startNatsServer({ platformUsers: true });
    const personnel = await as('personnel');
    const jsm = await jetstreamManager(personnel);
    await ensureEventStream(jsm);
    // The personnel service's durable, with one event waiting in it.
    await jsm.consumers.add(EVENT_STREAM, {
      durable_name: 'personnel-center-registry',
      filter_subject: 'tic.events.center.>',
      ack_policy: AckPolicy.Explicit,
    });
    await publishEvents(nats, [
      createEvent(CenterEstablished, {
        id: randomUUID(),
        time: new Date().toISOString(),
        subject: EVENT_DATA_FIXTURES['tic.center.established'].centerId,
        aggregateVersion: 1,
        data: EVENT_DATA_FIXTURES['tic.center.established'],
      }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await nats.stop();
  });

  /** Subscribes and waits for the server's verdict: the violation, or none within a moment. */
  async function subscribeRefused(nc: NatsConnection, subject: string): Promise<boolean> {
    const sub = nc.subscribe(subject);
    await nc.flush();
    const verdict = await Promise.race([
      sub.closed,
      new Promise((resolve) =>
        setTimeout(() => {
          resolve('open');
        }, 500),
      ),
    ]);
    if (verdict === 'open') sub.unsubscribe();
    return verdict instanceof PermissionViolationError;
  }

  /** Publishes and reports whether the server refused it (a permission violation on the connection). */
  async function publishRefused(nc: NatsConnection, subject: string, data = ''): Promise<boolean> {
    const violations: unknown[] = [];
    const watching = (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'error' && status.error instanceof PermissionViolationError) violations.push(status);
      }
    })();
    nc.publish(subject, data);
    await nc.flush();
    await new Promise((resolve) => setTimeout(resolve, 300));
    void watching;
    return violations.length > 0;
  }

  async function pending(): Promise<{ delivered: number; pending: number }> {
    const info = await (
      await jetstreamManager(await as('personnel'))
    ).consumers.info(EVENT_STREAM, 'personnel-center-registry');
    return { delivered: info.delivered.stream_seq, pending: info.num_pending };
  }

  it('refuses connections without a user, or with a wrong password', async () => {
    await expect(connect({ servers: nats.url })).rejects.toThrow(/Authorization/i);
    await expect(connect({ servers: nats.url, user: 'agency_demo', pass: 'guess' })).rejects.toThrow(/Authorization/i);
  });

  it('keeps an agency out of every reply inbox but its own', async () => {
    const agency = await as('agency_demo');
    expect(await subscribeRefused(agency, '_INBOX.>')).toBe(true);
    expect(await subscribeRefused(agency, '_INBOX_gateway.>')).toBe(true);
    expect(await subscribeRefused(agency, '_INBOX_personnel.>')).toBe(true);
    expect(await subscribeRefused(agency, '>')).toBe(true);
    expect(await subscribeRefused(agency, 'tic.events.>')).toBe(true);
    expect(await subscribeRefused(agency, '_INBOX_agency_demo.>')).toBe(false);
  });

  it('keeps an agency away from a service’s durable: it can neither pull nor acknowledge its messages', async () => {
    const agency = await as('agency_demo');
    const before = await pending();
    expect(before.pending).toBe(1);
    expect(
      await publishRefused(
        agency,
        `$JS.API.CONSUMER.MSG.NEXT.${EVENT_STREAM}.personnel-center-registry`,
        JSON.stringify({ batch: 1 }),
      ),
    ).toBe(true);
    expect(await publishRefused(agency, `$JS.ACK.${EVENT_STREAM}.personnel-center-registry.1.1.1.1.0`, '+ACK')).toBe(
      true,
    );
    expect(await publishRefused(agency, `$JS.API.CONSUMER.DELETE.${EVENT_STREAM}.personnel-center-registry`)).toBe(
      true,
    );
    expect(await publishRefused(agency, `$JS.API.CONSUMER.CREATE.${EVENT_STREAM}.any-name`)).toBe(true);
    expect(await publishRefused(agency, 'tic.rpc.personnel.people.get', '{}')).toBe(true);
    expect(await publishRefused(agency, 'tic.events.center.established', '{}')).toBe(true);
    expect(await pending()).toEqual(before);
  });

  it('lets an agency read the events through its own durable', async () => {
    const events = await readAllEvents(nats);
    expect(events.map((e) => e.type)).toEqual(['tic.center.established']);
  });

  it('lets a service publish only the RPCs it calls, and take only its own requests', async () => {
    const personnel = await as('personnel');
    const received: string[] = [];
    const sub = personnel.subscribe('tic.rpc.personnel.>', {
      callback: (_error, message) => {
        received.push(message.subject);
      },
    });
    await personnel.flush();

    const applications = await as('applications');
    expect(await publishRefused(applications, 'tic.rpc.personnel.people.register', '{}')).toBe(true);
    // A26: applications asks the personnel registry for a management committee's reviews, and nothing else.
    expect(await publishRefused(applications, 'tic.rpc.personnel.committees.get', '{}')).toBe(false);
    expect(await publishRefused(applications, 'tic.rpc.personnel.committees.set', '{}')).toBe(true);
    expect(await subscribeRefused(applications, 'tic.rpc.personnel.>')).toBe(true);
    expect(await subscribeRefused(applications, '_INBOX_gateway.>')).toBe(true);
    // A27: evaluations reads a center's committee meetings of a report year and has the report's personnel list
    // checked (A18), and nothing else of the registry.
    const evaluations = await as('evaluations');
    expect(await publishRefused(evaluations, 'tic.rpc.personnel.committees.get', '{}')).toBe(false);
    expect(await publishRefused(evaluations, 'tic.rpc.personnel.roster.check', '{}')).toBe(false);
    expect(await publishRefused(evaluations, 'tic.rpc.personnel.platforms.import_roster', '{}')).toBe(true);
    expect(await publishRefused(personnel, 'tic.rpc.applications.applications.create', '{}')).toBe(true);
    expect(await publishRefused(personnel, 'tic.events.center.established', '{}')).toBe(true);
    expect(await publishRefused(personnel, `$JS.ACK.${EVENT_STREAM}.applications-deadlines-calendar.1.1.1.1.0`)).toBe(
      true,
    );
    expect(
      await publishRefused(applications, `$JS.API.CONSUMER.MSG.NEXT.${EVENT_STREAM}.personnel-center-registry`),
    ).toBe(true);

    // The gateway calls both services.
    const gateway = await as('gateway');
    expect(await publishRefused(gateway, 'tic.rpc.personnel.people.register', '{}')).toBe(false);
    // An internal RPC (A30's acceptance draw) is the evaluations service's to ask, not the gateway's.
    expect(await publishRefused(gateway, 'tic.rpc.applications.experts.draw_for_acceptance', '{}')).toBe(true);
    expect(await publishRefused(evaluations, 'tic.rpc.applications.experts.draw_for_acceptance', '{}')).toBe(false);
    // Nor is A27's funds section of the annual report, read by the evaluations service from the funding service.
    expect(await publishRefused(gateway, 'tic.rpc.funding.funds.for_report', '{}')).toBe(true);
    expect(await publishRefused(evaluations, 'tic.rpc.funding.funds.for_report', '{}')).toBe(false);
    expect(await subscribeRefused(gateway, 'tic.rpc.personnel.>')).toBe(true);
    await personnel.flush();
    expect(received).toEqual([
      'tic.rpc.personnel.committees.get',
      'tic.rpc.personnel.committees.get',
      'tic.rpc.personnel.roster.check',
      'tic.rpc.personnel.people.register',
    ]);
    sub.unsubscribe();
  });
});
