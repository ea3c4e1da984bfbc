import '@tic/platform/telemetry';
import 'reflect-metadata';

import { bootstrapService, loadConfig } from '@tic/platform';

import { AppModule } from './app.module';
import { evaluationsConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfig(evaluationsConfigSchema);
  await bootstrapService(AppModule.forRoot(config), 'evaluations', config);
}

void main();
