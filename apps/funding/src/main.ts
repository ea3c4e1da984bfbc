import '@tic/platform/telemetry';
import 'reflect-metadata';

import { bootstrapService, loadConfig } from '@tic/platform';

import { AppModule } from './app.module';
import { fundingConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfig(fundingConfigSchema);
  await bootstrapService(AppModule.forRoot(config), 'funding', config);
}

void main();
