import 'reflect-metadata';

import { loadConfig, runReplayParkedCli } from '@tic/platform';

import { AppModule } from '../app.module';
import { fundingConfigSchema } from '../config';

// `npm run events:replay-parked -w @tic/funding [-- --consumer funding-center-directory] [--id <id>]`.
void runReplayParkedCli(AppModule.forRoot(loadConfig(fundingConfigSchema)));
