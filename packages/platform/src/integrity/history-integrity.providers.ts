import { MikroORM } from '@mikro-orm/postgresql';
import type { Provider } from '@nestjs/common';

import { HistorySealKickSubscriber } from './history-seal-kick.subscriber';
import { HistorySealer } from './history-sealer';

// Often enough that verification's default allowance for unsealed rows (10 minutes) is never near.
const SEALER_POLL_MS = 5_000;
const SEALER_BATCH = 500;

/** The sealer of a service's history chain and what wakes it after each commit. */
export function historyIntegrityProviders(schema: string): Provider[] {
  return [
    {
      provide: HistorySealer,
      inject: [MikroORM],
      useFactory: (orm: MikroORM) =>
        new HistorySealer(orm, { schema, pollIntervalMs: SEALER_POLL_MS, batchSize: SEALER_BATCH }),
    },
    HistorySealKickSubscriber,
  ];
}
