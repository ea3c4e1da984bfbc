import { type DynamicModule, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';

import { callerAssertionsFor, natsConnectOptions, RpcClient, rpcTimeouts } from '@tic/platform';

import { BearerAuthenticator } from './auth/bearer-authenticator';
import { JwtVerifier } from './auth/jwt-verifier';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config';
import { RedisConnection } from './redis/redis-connection';

/** The gateway's connections, shared by every module: configuration, NATS (RPC, signed callers), Redis, token verification. */
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
          // As the NATS user `gateway`, signing every caller it verified from a token (x-tic-assertion).
          useFactory: () =>
            new RpcClient(
              ClientProxyFactory.create({
                transport: Transport.NATS,
                options: { ...natsConnectOptions(config, 'gateway'), name: 'gateway-rpc-client' },
              }),
              rpcTimeouts(config),
              callerAssertionsFor('gateway', config).signer,
            ),
        },
        { provide: JwtVerifier, useFactory: () => JwtVerifier.fromConfig(config) },
        BearerAuthenticator,
      ],
      exports: [GATEWAY_CONFIG, RedisConnection, RpcClient, JwtVerifier, BearerAuthenticator],
    };
  }
}
