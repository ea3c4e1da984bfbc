import { type DynamicModule, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

import { RpcClient } from '@tic/platform';

import { JwtVerifier } from './auth/jwt-verifier';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config';
import { RedisConnection } from './redis/redis-connection';

/** The gateway's connections, shared by every module: configuration, NATS (RPC), Redis, token verification. */
@Module({})
export class InfrastructureModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      global: true,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: RedisConnection, useFactory: () => new RedisConnection(config.REDIS_URL, config.REDIS_KEY_PREFIX) },
        {
          provide: RpcClient,
          useFactory: () =>
            new RpcClient(
              ClientProxyFactory.create({
                transport: Transport.NATS,
                options: { servers: [config.NATS_URL], name: 'gateway-rpc-client' },
              }),
              config.RPC_TIMEOUT_MS,
            ),
        },
        { provide: JwtVerifier, useFactory: () => JwtVerifier.fromConfig(config) },
      ],
      exports: [GATEWAY_CONFIG, RedisConnection, RpcClient, JwtVerifier],
    };
  }
}
