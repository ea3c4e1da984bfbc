import 'reflect-metadata';

import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type Type } from '@nestjs/common';

import { HealthController as GatewayHealthController } from '@tic/gateway/dist/health/health.controller';
import { healthController } from '@tic/platform';

import type { PlatformProcess } from './service-configs';

/** The GET paths a controller serves, read from its NestJS route metadata. */
function getPaths(controller: Type): string[] {
  const join = (...parts: unknown[]) =>
    `/${parts
      .map((part) => (typeof part === 'string' ? part.replace(/^\/+|\/+$/g, '') : ''))
      .filter(Boolean)
      .join('/')}`;
  const prefix: unknown = Reflect.getMetadata(PATH_METADATA, controller);
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => prototype[name])
    .filter((handler): handler is object => typeof handler === 'function')
    .filter((handler) => Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.GET)
    .map((handler) => join(prefix, Reflect.getMetadata(PATH_METADATA, handler)));
}

/** The health paths a process serves over HTTP, from the controllers it runs (no hand-kept list). */
export function servedHealthPaths(process: PlatformProcess): string[] {
  const controller = process === 'gateway' ? GatewayHealthController : healthController(process);
  return getPaths(controller).sort();
}
