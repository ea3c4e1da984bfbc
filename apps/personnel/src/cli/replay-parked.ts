import 'reflect-metadata';

import { loadConfig, runReplayParkedCli } from '@tic/platform';

import { AppModule } from '../app.module';
import { personnelConfigSchema } from '../config';

// `npm run events:replay-parked -w @tic/personnel [-- --consumer personnel-center-registry] [--id <id>]`.
void runReplayParkedCli(AppModule.forRoot(loadConfig(personnelConfigSchema)));
