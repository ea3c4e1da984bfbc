import '@tic/platform/telemetry';
import 'reflect-metadata';

import { bootstrapService, loadConfig } from '@tic/platform';

import { AppModule } from './app.module';
import { personnelConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfig(personnelConfigSchema);
  await bootstrapService(AppModule.forRoot(config), 'personnel', config);
}

void main();
