import 'reflect-metadata';

import { loadConfig, runReplayParkedCli } from '@tic/platform';

import { AppModule } from '../app.module';
import { evaluationsConfigSchema } from '../config';

// `npm run events:replay-parked -w @tic/evaluations [-- --consumer evaluations-center-directory] [--id <id>]`.
void runReplayParkedCli(AppModule.forRoot(loadConfig(evaluationsConfigSchema)));
