import type { INestMicroservice } from '@nestjs/common';

import { startNatsServer, type TestNatsServer } from '@tic/testing';

import { startGateway, type TestGateway } from './gateway-harness';
import { startStandIn, StandInState } from './stand-in';
import { createTestKeys, type TestKeys } from './test-keys';

/** One test file's platform: a private nats-server, the stand-in service, a gateway, and keys to sign tokens. */
export interface TestWorld {
  readonly nats: TestNatsServer;
  readonly gateway: TestGateway;
  readonly keys: TestKeys;
  readonly state: StandInState;
  /** Stops the stand-in (readiness tests); close() tolerates it being stopped. */
  stopStandIn(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(
  env: Record<string, string> = {},
  prepare: (state: StandInState) => void = () => undefined,
): Promise<TestWorld> {
  const [nats, keys] = await Promise.all([startNatsServer(), createTestKeys()]);
  const state = new StandInState();
  prepare(state);
  let standIn: INestMicroservice | undefined = await startStandIn(nats.url, state);
  const gateway = await startGateway({ NATS_URL: nats.url, JWT_PUBLIC_KEY_FILE: keys.publicKeyFile, ...env });
  const stopStandIn = async () => {
    const running = standIn;
    standIn = undefined;
    await running?.close();
  };
  return {
    nats,
    gateway,
    keys,
    state,
    stopStandIn,
    close: async () => {
      await gateway.close();
      await stopStandIn();
      await nats.stop();
      keys.remove();
    },
  };
}
