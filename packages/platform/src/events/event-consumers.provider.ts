import { MikroORM } from '@mikro-orm/postgresql';
import type { FactoryProvider, InjectionToken } from '@nestjs/common';

import type { BaseConfig } from '../config/config';
import { NatsConnectionService } from '../nats/nats-connection';
import { PLATFORM_CONFIG } from '../platform.module';
import { EventConsumers } from './event-consumer';
import type { EventSubscription } from './event-subscription';
import { REPLAY_ONLY_ENV } from './replay-parked-cli';

/** Registers a service's event subscriptions, built from its own providers. */
export function eventConsumersProvider<Deps extends unknown[]>(options: {
  service: string;
  inject: { [K in keyof Deps]: InjectionToken };
  subscriptions: (...deps: Deps) => readonly EventSubscription[];
  /** Logic failures before an event is parked (default 5); database outages never count. */
  maxFailures?: number;
}): FactoryProvider<EventConsumers> {
  return {
    provide: EventConsumers,
    inject: [MikroORM, NatsConnectionService, PLATFORM_CONFIG, ...options.inject],
    useFactory: (orm: MikroORM, nats: NatsConnectionService, _config: BaseConfig, ...deps: unknown[]) =>
      new EventConsumers(
        orm,
        nats,
        {
          service: options.service,
          maxFailures: options.maxFailures ?? 5,
          consume: process.env[REPLAY_ONLY_ENV] !== 'true',
        },
        options.subscriptions(...(deps as Deps)),
      ),
  };
}
