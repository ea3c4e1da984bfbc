import type { FactoryProvider } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

import { CallerAssertionSigner } from '../caller/caller-assertion';
import type { BaseConfig } from '../config/config';
import { natsConnectOptions } from '../nats/nats-options';
import { PLATFORM_CONFIG } from '../platform.module';
import { RpcClient, rpcTimeouts } from './rpc-client';

/** An RpcClient on its own NATS connection as the service's user, with the configured timeout; it signs as the service. */
export function rpcClientProvider(name: string): FactoryProvider<RpcClient> {
  return {
    provide: RpcClient,
    inject: [PLATFORM_CONFIG, CallerAssertionSigner],
    useFactory: (config: BaseConfig, signer: CallerAssertionSigner) =>
      new RpcClient(
        ClientProxyFactory.create({
          transport: Transport.NATS,
          options: { ...natsConnectOptions(config, signer.issuer), name: `${name}-rpc-client` },
        }),
        rpcTimeouts(config),
        signer,
      ),
  };
}
