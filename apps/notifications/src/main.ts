import '@tic/platform/telemetry';
import 'reflect-metadata';

import { bootstrapService, loadConfig } from '@tic/platform';

import { AppModule } from './app.module';
import { notificationsConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfig(notificationsConfigSchema);
  await bootstrapService(AppModule.forRoot(config), 'notifications', config);
}

void main();
