import { MikroORM } from '@mikro-orm/postgresql';
import type { Provider } from '@nestjs/common';

import { HistorySealKickSubscriber } from './history-seal-kick.subscriber';
import { HistorySealer } from './history-sealer';

// Often enough that verification's default allowance for unsealed rows (10 minutes) is never near.
const SEALER_POLL_MS = 5_000;
const SEALER_BATCH = 500;
// A committed row waits this long for its pass, which the commands meanwhile share. Measured with two
// replicas of four writers on this machine's two cores: a pass per commit cost ~20% of the commands'
// throughput, 100 ms gathering still ~20%, 500 ms ~3% (within the noise), 1 s ~6% (noise as well).
const SEALER_GATHER_MS = 500;

/** The sealer of a service's history chain and what wakes it after each commit. */
export function historyIntegrityProviders(schema: string): Provider[] {
  return [
    {
      provide: HistorySealer,
      inject: [MikroORM],
      useFactory: (orm: MikroORM) =>
        new HistorySealer(orm, {
          schema,
          pollIntervalMs: SEALER_POLL_MS,
          batchSize: SEALER_BATCH,
          gatherMs: SEALER_GATHER_MS,
        }),
    },
    HistorySealKickSubscriber,
  ];
}
