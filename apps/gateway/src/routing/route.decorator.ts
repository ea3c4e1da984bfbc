import { applyDecorators, Delete, Get, HttpCode, Post, Put, SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { z } from 'zod';

import type { RpcDefinition } from '@tic/contracts';

import { openApiDecorators } from './openapi.decorators';
import {
  ROUTE_SPEC,
  type TIC_ROUTE_CONFIG,
  type Access,
  type FileResponse,
  type HttpMethod,
  type OwnAnswer,
  type RouteSpec,
  type UploadSpec,
} from './route-spec';

export interface RouteOptions {
  readonly access: Access;
  readonly status?: number;
  readonly idempotent?: boolean;
  readonly versioned?: boolean;
  readonly params?: Readonly<Record<string, string>>;
  readonly publicWrite?: boolean;
  readonly alsoAnswers?: Readonly<Record<number, OwnAnswer>>;
  /** Asks services without a single RPC of its own (a merged read); RPC routes always do. */
  readonly forwards?: boolean;
  readonly summary?: string;
  readonly upload?: UploadSpec;
}

const METHODS = { GET: Get, POST: Post, PUT: Put, DELETE: Delete } as const;

/** Declares a route: HTTP method and path, roles, input schema, response schema and its OpenAPI description. */
export function Route(
  method: HttpMethod,
  path: string,
  options: RouteOptions & {
    summary: string;
    request: z.ZodType;
    response: z.ZodType | FileResponse;
    rpc?: RpcDefinition;
  },
): MethodDecorator {
  const spec: RouteSpec = {
    method,
    path,
    summary: options.summary,
    access: options.access,
    request: options.request,
    response: options.response,
    ...(options.rpc ? { rpc: options.rpc } : {}),
    status: options.status ?? 200,
    idempotent: options.idempotent ?? false,
    versioned: options.versioned ?? false,
    params: options.params ?? {},
    publicWrite: options.publicWrite ?? false,
    forwards: options.forwards ?? options.rpc !== undefined,
    alsoAnswers: options.alsoAnswers ?? {},
    ...(options.upload ? { upload: options.upload } : {}),
  };
  const fastifyConfig: typeof TIC_ROUTE_CONFIG = {
    public: spec.access === 'public',
    upload: spec.upload !== undefined,
  };
  return applyDecorators(
    SetMetadata(ROUTE_SPEC, spec),
    RouteConfig(fastifyConfig),
    METHODS[method](path),
    HttpCode(spec.status),
    ...openApiDecorators(spec),
  );
}

/** A route that forwards to one RPC: validated with its request schema, documented with its response schema. */
export function RpcRoute(
  method: HttpMethod,
  path: string,
  rpc: RpcDefinition,
  options: RouteOptions & { response?: FileResponse },
): MethodDecorator {
  return Route(method, path, { summary: rpc.summary, request: rpc.request, response: rpc.response, rpc, ...options });
}
