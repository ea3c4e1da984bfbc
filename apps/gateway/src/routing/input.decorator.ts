import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { GatewayRequest } from '../http/gateway-request';
import { localeOf } from '../http/locale';
import { routeInput } from './route-input';
import { ROUTE_SPEC, type RouteSpec } from './route-spec';

/** The route's validated input (see routeInput); a failure is a 400 problem naming each field. */
export const Input = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  const spec = Reflect.getMetadata(ROUTE_SPEC, context.getHandler()) as RouteSpec | undefined;
  if (spec === undefined)
    throw new Error(`@Input() needs @Route() on ${context.getClass().name}.${context.getHandler().name}`);
  const request = context.switchToHttp().getRequest<GatewayRequest>();
  return routeInput(spec, request, localeOf(request.headers['accept-language']));
});
