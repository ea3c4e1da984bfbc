import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { GatewayRequest } from '../http/gateway-request';
import type { TIC_ROUTE_CONFIG } from '../routing/route-spec';
import { BearerAuthenticator } from './bearer-authenticator';
import { unauthenticated } from './jwt-verifier';

/**
 * Verifies the bearer token when the request arrives (Fastify onRequest), before its body is read:
 * an anonymous or badly signed upload is refused without buffering 20 MiB. Only routes declared with
 * @Route carry the config saying whether they are public; others are left to the AccessGuard.
 */
export function authenticateBeforeBody(app: NestFastifyApplication): void {
  const authenticator = app.get(BearerAuthenticator);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request) => {
      const config = request.routeOptions.config as Partial<typeof TIC_ROUTE_CONFIG>;
      if (request.is404 || config.public === undefined) return;
      const gatewayRequest = request as unknown as GatewayRequest;
      const caller = await authenticator.callerOf(gatewayRequest);
      if (caller === undefined && !config.public) throw unauthenticated('no Authorization header');
      gatewayRequest.authenticated = true;
      if (caller !== undefined) gatewayRequest.caller = caller;
    });
}
