import type { FactoryProvider } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

import type { BaseConfig } from '../config/config';
import { PLATFORM_CONFIG } from '../platform.module';
import { RpcClient } from './rpc-client';

/** An RpcClient on its own NATS connection, with the configured timeout. */
export function rpcClientProvider(name: string): FactoryProvider<RpcClient> {
  return {
    provide: RpcClient,
    inject: [PLATFORM_CONFIG],
    useFactory: (config: BaseConfig) =>
      new RpcClient(
        ClientProxyFactory.create({
          transport: Transport.NATS,
          options: { servers: [config.NATS_URL], name: `${name}-rpc-client` },
        }),
        config.RPC_TIMEOUT_MS,
      ),
  };
}
