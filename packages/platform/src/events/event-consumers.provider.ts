import { MikroORM } from '@mikro-orm/core';
import type { FactoryProvider, InjectionToken } from '@nestjs/common';

import type { BaseConfig } from '../config/config';
import { NatsConnectionService } from '../nats/nats-connection';
import { PLATFORM_CONFIG } from '../platform.module';
import { EventConsumers, type EventSubscription } from './event-consumer';

/** Registers a service's event subscriptions, built from its own providers. */
export function eventConsumersProvider<Deps extends unknown[]>(options: {
  service: string;
  inject: { [K in keyof Deps]: InjectionToken };
  subscriptions: (...deps: Deps) => readonly EventSubscription[];
}): FactoryProvider<EventConsumers> {
  return {
    provide: EventConsumers,
    inject: [MikroORM, NatsConnectionService, PLATFORM_CONFIG, ...options.inject],
    useFactory: (orm: MikroORM, nats: NatsConnectionService, _config: BaseConfig, ...deps: unknown[]) =>
      new EventConsumers(orm, nats, { service: options.service, maxDeliveries: 5 }, options.subscriptions(...(deps as Deps))),
  };
}
