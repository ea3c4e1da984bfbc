import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { randomBytes } from 'node:crypto';

import type { ServiceName } from '@tic/contracts';
import type { NatsUserEnv, PlatformNatsUser } from '@tic/testing';

import { developmentSigningKey, signingKeyFromSeed } from '../caller/assertion-keys';
import { CallerAssertionSigner } from '../caller/caller-assertion';
import { developmentNatsPassword } from '../config/trust-config';
import { RpcClient } from '../rpc/rpc-client';

/** How a test's assertions are signed: as a trusted issuer (development keys), or forged and expired ones. */
export type TestAssertion = 'trusted' | 'untrusted-key' | 'expired';

export interface TestRpcClientOptions {
  /** The NATS user the client connects as (default `gateway`). */
  readonly user?: PlatformNatsUser;
  /** The issuer it signs as (default `gateway`). */
  readonly issuer?: ServiceName;
  readonly assertion?: TestAssertion;
  readonly timeoutMs?: number;
}

/** A signer for tests: the issuer's development key (trusted by services outside production), or a forgery. */
export function testSigner(
  issuer: ServiceName = 'gateway',
  assertion: TestAssertion = 'trusted',
): CallerAssertionSigner {
  switch (assertion) {
    case 'trusted':
      return new CallerAssertionSigner(developmentSigningKey(issuer));
    case 'untrusted-key':
      return new CallerAssertionSigner(signingKeyFromSeed(issuer, randomBytes(32)));
    case 'expired':
      return new CallerAssertionSigner(developmentSigningKey(issuer), () => Date.now() - 10 * 60_000);
  }
}

/**
 * An RpcClient for tests that call services' RPCs directly, as the gateway would: connected as a NATS
 * user (when the server runs users.conf) with its inbox prefix, signing the caller's assertion.
 */
export function testRpcClient(
  nats: { userEnv(user: PlatformNatsUser): NatsUserEnv },
  options: TestRpcClientOptions = {},
): RpcClient {
  const user = options.user ?? 'gateway';
  const env = nats.userEnv(user);
  return new RpcClient(
    ClientProxyFactory.create({
      transport: Transport.NATS,
      options: {
        servers: [env.NATS_URL],
        user,
        pass: env.NATS_PASSWORD ?? developmentNatsPassword(user),
        inboxPrefix: `_INBOX_${user}`,
      },
    }),
    { ms: options.timeoutMs ?? 10_000, bulkMs: Math.max(options.timeoutMs ?? 0, 60_000) },
    testSigner(options.issuer ?? 'gateway', options.assertion ?? 'trusted'),
  );
}
