import '@tic/platform/telemetry';
import 'reflect-metadata';

import { loadConfig } from '@tic/platform';

import { gatewayConfigSchema } from './config/gateway-config';
import { createGateway } from './gateway.factory';

async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  const app = await createGateway(config);
  await app.listen(config.PORT, config.HOST);
  // Only once listening: a signal during start-up simply ends the process. After that, SIGTERM
  // stops accepting connections, lets requests in flight finish, and closes NATS and Redis.
  app.enableShutdownHooks();
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `the gateway did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
