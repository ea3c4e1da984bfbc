import { randomUUID } from 'node:crypto';

import { connect, headers as natsHeaders } from '@nats-io/transport-node';

import { journalRpc, RegisterPerson, type RpcDefinition } from '@tic/contracts';
import { type Caller, HEADERS } from '@tic/platform';
import { testRpcClient, testSigner } from '@tic/platform/testing';
import { natsUserOptions } from '@tic/testing';

import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel } from './harness';

/**
 * CONTRACT.md: a service believes a caller only from an assertion the gateway signed for that RPC,
 * never from a plain header. Each refusal has its stable code and changes nothing.
 */
describe('the caller of an RPC is believed only from a gateway-signed assertion (personnel on users.conf)', () => {
  const service = runningPersonnel('caller-assertion');
  const people = async () => Number((await service.sql('select count(*) as n from personnel.person'))[0]?.n);
  const registration = () => ({ name: '冒名者', idNumber: newIdNumber(), employerOrgId: ORGS.supporting });

  /** A raw request as the gateway's NATS user, with the headers given and nothing signed by the kit. */
  async function rawRequest(definition: RpcDefinition, payload: unknown, headers: Record<string, string>) {
    const nc = await connect(natsUserOptions(service.nats.userEnv('gateway')));
    try {
      const h = natsHeaders();
      for (const [key, value] of Object.entries(headers)) h.set(key, value);
      const reply = await nc.request(
        definition.subject,
        JSON.stringify({ pattern: definition.subject, data: payload, id: randomUUID() }),
        { headers: h, timeout: 5000 },
      );
      return reply.json<{ err?: { code: string; reason?: string }; response?: unknown }>();
    } finally {
      await nc.close();
    }
  }

  it('refuses a request without an assertion, or with the old unsigned caller header: caller.assertion_missing', async () => {
    const before = await people();
    const forgedHeader = Buffer.from(JSON.stringify(CALLERS.dst)).toString('base64url');
    const attempts: Record<string, string>[] = [{}, { 'x-tic-caller': forgedHeader }];
    for (const headers of attempts) {
      const reply = await rawRequest(RegisterPerson, registration(), headers);
      expect(reply.err).toMatchObject({ code: 'unauthenticated', reason: 'caller.assertion_missing' });
    }
    expect(await people()).toBe(before);
  });

  it('refuses an assertion signed by a key it does not trust: caller.assertion_invalid', async () => {
    const before = await people();
    const forger = testRpcClient(service.nats, { assertion: 'untrusted-key' });
    try {
      expect(await refusal(forger.request(RegisterPerson, registration(), { caller: CALLERS.dst }))).toMatchObject({
        code: 'unauthenticated',
        reason: 'caller.assertion_invalid',
      });
    } finally {
      await forger.onApplicationShutdown();
    }
    expect(await people()).toBe(before);
  });

  it('refuses an expired assertion: caller.assertion_expired', async () => {
    const before = await people();
    const late = testRpcClient(service.nats, { assertion: 'expired' });
    try {
      expect(await refusal(late.request(RegisterPerson, registration(), { caller: CALLERS.dst }))).toMatchObject({
        code: 'unauthenticated',
        reason: 'caller.assertion_expired',
      });
    } finally {
      await late.onApplicationShutdown();
    }
    expect(await people()).toBe(before);
  });

  it('refuses a genuine assertion replayed onto another RPC: caller.assertion_invalid', async () => {
    const before = await people();
    const forOtherRpc = await testSigner('gateway').sign(journalRpc('personnel').subject, CALLERS.dst);
    const reply = await rawRequest(RegisterPerson, registration(), { [HEADERS.assertion]: forOtherRpc });
    expect(reply.err).toMatchObject({ code: 'unauthenticated', reason: 'caller.assertion_invalid' });
    expect(await people()).toBe(before);
  });

  it('answers a genuine assertion', async () => {
    const before = await people();
    await service.call(RegisterPerson, registration(), CALLERS.supporting);
    expect(await people()).toBe(before + 1);
  });

  it('lets only DST and the committee office read the event journal: journal.not_a_reader', async () => {
    const journal = journalRpc('personnel');
    for (const caller of [CALLERS.supporting, CALLERS.recommender, CALLERS.expert] satisfies Caller[]) {
      expect(await refusal(service.call(journal, { after: '0', limit: 10 }, caller))).toMatchObject({
        code: 'forbidden',
        reason: 'journal.not_a_reader',
      });
    }
    expect(await refusal(service.call(journal, { after: '0', limit: 10 }))).toMatchObject({ code: 'unauthenticated' });
    await expect(service.call(journal, { after: '0', limit: 10 }, CALLERS.committee)).resolves.toHaveProperty('events');
    await expect(service.call(journal, { after: '0', limit: 10 }, CALLERS.dst)).resolves.toHaveProperty('events');
  });
});
