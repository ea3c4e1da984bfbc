import { randomBytes } from 'node:crypto';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';

import { parseConfig } from '@tic/platform';

import { gatewayConfigSchema } from '../../src/config/gateway-config';
import { createGateway } from '../../src/gateway.factory';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestGateway {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly redisPrefix: string;
  close(): Promise<void>;
}

/** A gateway on a free port of 127.0.0.1, with its own Redis key prefix (deleted on close). */
export async function startGateway(env: Record<string, string>): Promise<TestGateway> {
  const redisPrefix = `tic:test:gateway:${randomBytes(6).toString('hex')}:`;
  const config = parseConfig(gatewayConfigSchema, {
    TIC_DEV: '1',
    LOG_LEVEL: 'silent',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    RPC_TIMEOUT_MS: '2000',
    // The stand-in world answers for these two services only.
    SERVICES: 'applications,personnel',
    ...env,
  });
  const app = await createGateway(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('the gateway listens on no TCP port');
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    redisPrefix,
    close: async () => {
      await app.close();
      await deleteKeys(redisPrefix);
    },
  };
}

/** Deletes a test gateway's Redis keys (idempotency records, rate-limit counts). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
