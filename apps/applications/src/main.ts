import '@tic/platform/telemetry';
import 'reflect-metadata';

import { bootstrapService, loadConfig } from '@tic/platform';

import { AppModule } from './app.module';
import { applicationsConfigSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfig(applicationsConfigSchema);
  await bootstrapService(AppModule.forRoot(config), 'applications', config);
}

void main();
