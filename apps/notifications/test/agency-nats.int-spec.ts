import { EntityManager } from '@mikro-orm/postgresql';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { v4 as uuidv4 } from 'uuid';

import {
  EVENT_STREAM,
  GetAgencyNatsUser,
  IssueAgencyNatsUser,
  RevokeAgencyNatsUser,
  type AgencyNatsUserDto,
} from '@tic/contracts';
import { eventually } from '@tic/testing';

import { renderAgencyUsersFile } from '../src/agency-nats/render-agency-users';
import { CALLERS, centerEstablished, ORGS, refusal, runningNotifications } from './harness';
import { publishRefused, subscribeRefused } from './nats-permission-probes';

// Reloads and bcrypt checks on a loaded machine: each wait below may take a minute.
jest.setTimeout(180_000);
const service = runningNotifications('agency_nats');

/**
 * CONTRACT.md (Events, way 2) on a real private nats-server with the platform's users.conf: DST creates an
 * agency's NATS user through the service, the operator renders users.conf and reloads the server, and the
 * agency reads the events through its own durable, and nothing else.
 */
describe('agencies on JetStream: their own NATS users', () => {
  const open: NatsConnection[] = [];
  let agency: AgencyNatsUserDto & { password: string };
  let other: AgencyNatsUserDto & { password: string };

  const renderAndReload = async () => {
    const usersFile = service.nats.usersFile;
    if (usersFile === undefined) throw new Error('the test NATS runs without the platform’s users');
    const em = service.app.get(EntityManager).fork();
    await renderAgencyUsersFile(em, { from: usersFile, out: usersFile });
    service.nats.reload();
  };
  const connectAs = async (user: string, password: string) => {
    // A loaded machine checks bcrypt hashes slowly: a connection's own timeout is not a refusal, the next try tells.
    const nc = await connect({
      servers: service.nats.url,
      user,
      pass: password,
      inboxPrefix: `_INBOX_${user}`,
      timeout: 10_000,
    });
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    // With an Idempotency-Key, as a careful client sends one: the answer must still not be recorded.
    agency = await service.call(IssueAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.dst, {
      idempotencyKey: `issue-${uuidv4()}`,
    });
    other = await service.call(IssueAgencyNatsUser, { orgId: ORGS.otherAgency }, CALLERS.dst);
    await renderAndReload();
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
  });

  it('answers the password once, with the connection settings, and keeps only its bcrypt hash', async () => {
    const user = `agency_${ORGS.agency.replace(/-/g, '')}`;
    expect(agency).toMatchObject({
      orgId: ORGS.agency,
      user,
      inboxPrefix: `_INBOX_${user}`,
      durable: user,
      stream: EVENT_STREAM,
      filterSubject: 'tic.events.>',
      createdBy: CALLERS.dst.name,
      revokedAt: null,
    });
    expect(agency.password.length).toBeGreaterThanOrEqual(32);
    const shown = await service.call(GetAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.dst);
    expect(shown).not.toHaveProperty('password');
    expect(shown).toMatchObject({ user, durable: user, revokedAt: null });
    const rows = await service.sql('select password_hash from notifications.agency_nats_user where org_id = ?', [
      ORGS.agency,
    ]);
    expect(String(rows[0]?.password_hash)).toMatch(/^\$2[ab]\$11\$/);
    expect(JSON.stringify(rows)).not.toContain(agency.password);
    expect(JSON.stringify(await service.sql('select * from notifications.idempotency_record'))).not.toContain(
      agency.password,
    );
  });

  it('is DST’s to manage: an agency is refused and sees none, a bad or unknown organization is named', async () => {
    expect(await refusal(service.call(IssueAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.agency))).toMatchObject({
      code: 'forbidden',
      reason: 'agency_nats_user.not_dst',
    });
    // Outside its read scope, an agency's user is not there at all for another caller (the policy hides it).
    expect(await refusal(service.call(GetAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.agency))).toMatchObject({
      code: 'not_found',
    });
    expect(await refusal(service.call(GetAgencyNatsUser, { orgId: uuidv4() }, CALLERS.dst))).toMatchObject({
      code: 'not_found',
      reason: 'agency_nats_user.none',
    });
    expect(await refusal(service.call(GetAgencyNatsUser, { orgId: 'not-a-uuid' }, CALLERS.dst))).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('lets the agency create its durable and read the events a service published', async () => {
    const center = centerEstablished(uuidv4());
    await service.publish([center]);
    const nc = await eventually(() => connectAs(agency.user, agency.password), 60_000, 200);
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.add(EVENT_STREAM, {
      durable_name: agency.durable,
      filter_subject: agency.filterSubject,
      ack_policy: AckPolicy.Explicit,
    });
    const consumer = await jetstream(nc).consumers.get(EVENT_STREAM, agency.durable);
    const seen: string[] = [];
    await eventually(async () => {
      const batch = await consumer.fetch({ max_messages: 100, expires: 1000 });
      for await (const message of batch) {
        seen.push(message.json<{ id: string }>().id);
        message.ack();
      }
      if (!seen.includes(center.id)) throw new Error(`the durable delivered ${seen.length} events, not the center’s`);
    }, 15_000);
    expect((await jsm.consumers.info(EVENT_STREAM, agency.durable)).num_ack_pending).toBe(0);
  });

  it('refuses the agency the RPCs, publishing events, other consumers and other users’ inboxes', async () => {
    const otherNc = await eventually(() => connectAs(other.user, other.password), 60_000, 200);
    await (
      await jetstreamManager(otherNc)
    ).consumers.add(EVENT_STREAM, { durable_name: other.durable, ack_policy: AckPolicy.Explicit });
    const pendingOfOther = async () =>
      (await (await jetstreamManager(otherNc)).consumers.info(EVENT_STREAM, other.durable)).num_pending;
    const before = await pendingOfOther();

    const nc = await connectAs(agency.user, agency.password);
    expect(await publishRefused(nc, 'tic.rpc.notifications.events.list', '{}')).toBe(true);
    expect(await publishRefused(nc, 'tic.rpc.applications.organizations.list', '{}')).toBe(true);
    expect(await publishRefused(nc, 'tic.events.center.established', '{}')).toBe(true);
    expect(await publishRefused(nc, `$JS.API.CONSUMER.MSG.NEXT.${EVENT_STREAM}.${other.durable}`, '{"batch":1}')).toBe(
      true,
    );
    expect(await publishRefused(nc, `$JS.API.CONSUMER.INFO.${EVENT_STREAM}.${other.durable}`)).toBe(true);
    expect(await publishRefused(nc, `$JS.API.CONSUMER.DELETE.${EVENT_STREAM}.${other.durable}`)).toBe(true);
    expect(await publishRefused(nc, `$JS.ACK.${EVENT_STREAM}.${other.durable}.1.1.1.1.0`, '+ACK')).toBe(true);
    expect(await publishRefused(nc, `$JS.API.CONSUMER.CREATE.${EVENT_STREAM}.${agency.durable}-second`)).toBe(true);
    expect(await publishRefused(nc, `$JS.API.CONSUMER.DURABLE.CREATE.${EVENT_STREAM}.notifications-feed`)).toBe(true);
    expect(await publishRefused(nc, `$JS.API.STREAM.DELETE.${EVENT_STREAM}`)).toBe(true);
    expect(await publishRefused(nc, `$JS.API.CONSUMER.LIST.${EVENT_STREAM}`)).toBe(true);
    expect(await subscribeRefused(nc, `_INBOX_${other.user}.>`)).toBe(true);
    expect(await subscribeRefused(nc, '_INBOX_notifications.>')).toBe(true);
    expect(await subscribeRefused(nc, '_INBOX.>')).toBe(true);
    expect(await subscribeRefused(nc, 'tic.events.>')).toBe(true);
    expect(await subscribeRefused(nc, `${agency.inboxPrefix}.>`)).toBe(false);
    expect(await pendingOfOther()).toBe(before);
  });

  it('closes out a rotated password and a revoked agency after the next render and reload', async () => {
    const rotated = await service.call(IssueAgencyNatsUser, { orgId: ORGS.agency }, CALLERS.dst);
    expect(rotated.password).not.toBe(agency.password);
    const revoked = await service.call(RevokeAgencyNatsUser, { orgId: ORGS.otherAgency }, CALLERS.dst);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await service.call(RevokeAgencyNatsUser, { orgId: ORGS.otherAgency }, CALLERS.dst)).toEqual(revoked);
    await renderAndReload();

    await eventually(
      async () => {
        await expect(connectAs(other.user, other.password)).rejects.toThrow(/Authorization/i);
        await expect(connectAs(agency.user, agency.password)).rejects.toThrow(/Authorization/i);
      },
      60_000,
      500,
    );
    // Right after a reload JetStream may answer no one for a moment ($JS.API.INFO has no responders).
    const info = await eventually(
      async () => {
        const nc = await connectAs(rotated.user, rotated.password);
        return (await jetstreamManager(nc)).consumers.info(EVENT_STREAM, rotated.durable);
      },
      60_000,
      500,
    );
    expect(info.name).toBe(rotated.durable);
  });
});
