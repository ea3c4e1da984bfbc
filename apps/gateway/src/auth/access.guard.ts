import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import type { GatewayRequest } from '../http/gateway-request';
import { ProblemException } from '../http/problem.exception';
import { ROUTE_SPEC, type RouteSpec } from '../routing/route-spec';
import { BearerAuthenticator } from './bearer-authenticator';
import { unauthenticated } from './jwt-verifier';
import { OrganizationFit } from './organization-fit';

/**
 * Authenticates the bearer token (unless the onRequest hook already did, before the body), checks that
 * its role fits its organization (DOMAIN.md §1) and the route's coarse role allow-list, before the route's RPC.
 * Public routes take anonymous calls; a token sent to one is still verified and its caller used.
 * A route without @Route() is treated as needing a signed-in caller of any role.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(BearerAuthenticator) private readonly authenticator: BearerAuthenticator,
    @Inject(OrganizationFit) private readonly organizationFit: OrganizationFit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<RouteSpec | undefined>(ROUTE_SPEC, context.getHandler());
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const caller = request.authenticated === true ? request.caller : await this.authenticator.callerOf(request);
    if (caller === undefined) {
      if (spec?.access === 'public') return true;
      throw unauthenticated('no Authorization header');
    }
    await this.organizationFit.check(caller);
    request.caller = caller;
    if (spec === undefined || spec.access === 'public' || spec.access.includes(request.caller.role)) return true;
    throw ProblemException.of(
      'forbidden',
      {
        zh: `角色 ${request.caller.role} 无权调用此接口（允许：${spec.access.join('、')}）`,
        en: `The role ${request.caller.role} may not call this route (allowed: ${spec.access.join(', ')})`,
      },
      { reason: 'auth.role_not_allowed' },
    );
  }
}
