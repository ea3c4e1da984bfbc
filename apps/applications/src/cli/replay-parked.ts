import 'reflect-metadata';

import { loadConfig, runReplayParkedCli } from '@tic/platform';

import { AppModule } from '../app.module';
import { applicationsConfigSchema } from '../config';

// `npm run events:replay-parked -w @tic/applications [-- --consumer applications-calendar] [--id <id>]`.
void runReplayParkedCli(AppModule.forRoot(loadConfig(applicationsConfigSchema)));
