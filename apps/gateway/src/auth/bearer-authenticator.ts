import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@tic/platform';

import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { headerValue, type GatewayRequest } from '../http/gateway-request';
import { ProblemException } from '../http/problem.exception';
import { RedisConnection } from '../redis/redis-connection';
import { RedisThrottlerStorage } from '../throttling/redis-throttler.storage';
import { JwtVerifier, unauthenticated } from './jwt-verifier';

/**
 * The caller a request's bearer token names. A bad token is a 401, and counts against its client
 * address: past RATE_LIMIT_BAD_TOKENS in a window the address gets 429 instead, so that guessing or
 * replaying tokens is throttled like any other traffic (the per-user limit only counts good tokens).
 */
@Injectable()
export class BearerAuthenticator {
  private readonly badTokens: RedisThrottlerStorage;

  constructor(
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    redis: RedisConnection,
  ) {
    this.badTokens = new RedisThrottlerStorage(redis);
  }

  /** The caller, or undefined without an Authorization header; a ProblemException (401 or 429) for a bad token. */
  async callerOf(request: Pick<GatewayRequest, 'headers' | 'ip'>): Promise<Caller | undefined> {
    const authorization = headerValue(request, 'authorization');
    if (authorization === undefined) return undefined;
    try {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      if (token === undefined) throw unauthenticated('the Authorization header is not "Bearer <token>"');
      return await this.verifier.verify(token);
    } catch (error) {
      await this.countBadToken(request.ip);
      throw error;
    }
  }

  private async countBadToken(ip: string): Promise<void> {
    const window = this.config.RATE_LIMIT_WINDOW_MS;
    const { isBlocked, timeToBlockExpire } = await this.badTokens.increment(
      `ip:${ip}`,
      window,
      this.config.RATE_LIMIT_BAD_TOKENS,
      window,
      'bad-token',
    );
    if (!isBlocked) return;
    throw ProblemException.of(
      'rate_limited',
      {
        zh: '无效的访问令牌过多，请稍后再试',
        en: 'Too many requests with a bad bearer token from this address; retry after the time given in Retry-After',
      },
      { headers: { 'retry-after': String(Math.max(1, timeToBlockExpire)) } },
    );
  }
}
