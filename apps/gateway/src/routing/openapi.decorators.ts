import {
  ApiBearerAuth,
  ApiBody,
  ApiExtension,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  type RequestBodyObject,
  type SchemaObject,
} from '@nestjs/swagger';
import type { z } from 'zod';

import { RPC_ERROR_CODES } from '@tic/contracts';

import { CSV, HTML, PDF, XLSX } from '../http/media-types';
import { bodySchemaOf, jsonSchemaOf, propertiesOf } from './json-schema';
import { type FileResponse, pathParameters, type RouteSpec, type UploadSpec } from './route-spec';

export const PROBLEM_SCHEMA_NAME = 'Problem';

const PROBLEM_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'invalid input: `errors` names each field (`input.unstorable_text` for a NUL or a lone surrogate), or malformed JSON',
  401: 'no token, or an invalid one (also on a public route when a bad one is sent)',
  403: 'the role may not call this route, or the resource is outside the caller’s scope',
  404: 'no such resource, or one the request names does not exist (or its existence must not leak)',
  408: 'the request was not received in time (`request_timeout`)',
  409: 'stale version (`stale_version`), a conflicting state, or the same Idempotency-Key still in progress',
  413: 'body over 1 MiB (an uploaded file: over 20 MiB)',
  414: 'URL over 8 KiB, or a path parameter over 100 characters (`uri_too_long`)',
  415: 'a body other than JSON (or, where a route takes files, CSV or XLSX)',
  422: 'a rule of the measures refuses it (`rule`, `article`), a waiver is required, or an Idempotency-Key reused with another body',
  429: 'rate limit reached (`rate_limited`); on the routes with a per-user daily quota (POST /roster-checks: lines checked; POST /people and POST /appointments by idNumber: people) also `quota_exceeded`. See Retry-After',
  431: 'request line and headers over 16 KiB together (`headers_too_large`)',
  500: 'internal error',
  503: 'a service did not answer in time, or is down',
};

const RETRY_AFTER = {
  description: 'seconds until the limit or the quota’s window resets',
  schema: { type: 'integer' },
};

/** The OpenAPI description of a route, derived from the same zod schemas that validate it. */
export function openApiDecorators(spec: RouteSpec): MethodDecorator[] {
  const roles = spec.access === 'public' ? ['public'] : [...spec.access];
  const decorators: MethodDecorator[] = [
    ApiOperation({
      summary: spec.summary,
      description: [`Roles: ${roles.join(', ')}.`, spec.rpc ? `RPC: \`${spec.rpc.subject}\`.` : ''].join(' ').trim(),
      ...(spec.upload ? { requestBody: uploadBody(spec, spec.upload) } : {}),
    }),
    ApiExtension('x-roles', roles),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: 'messages in Chinese by default; `en` for English',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'echoed in the response and carried to every service; generated when absent',
    }),
    ...parameterDecorators(spec),
    successResponse(spec),
    ...problemStatuses(spec).map((status) => problemResponse(spec, status)),
  ];
  if (spec.rpc) decorators.push(ApiExtension('x-rpc-subject', spec.rpc.subject));
  if (spec.access !== 'public') decorators.push(ApiBearerAuth());
  if (spec.versioned)
    decorators.push(
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'the ETag read (W/"<version>"); wins over the body’s `version`, which must agree',
      }),
    );
  if (spec.idempotent)
    decorators.push(
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description: 'same key and body within 24 h replays the first response (Idempotency-Replayed: true)',
      }),
    );
  return decorators;
}

function parameterDecorators(spec: RouteSpec): MethodDecorator[] {
  const { properties } = propertiesOf(jsonSchemaOf(spec.request, 'input'));
  const params = pathParameters(spec.path);
  const fromPath = params.map((name) =>
    ApiParam({ name, required: true, schema: properties[spec.params[name] ?? name] ?? { type: 'string' } }),
  );
  if (spec.upload) return [...fromPath, ...queryDecorators(spec, spec.upload.request, 'file uploads only')];
  if (spec.method !== 'GET') return [...fromPath, ApiBody({ required: true, schema: bodySchemaOf(spec) })];
  return [...fromPath, ...queryDecorators(spec, spec.request)];
}

/** The query parameters: the schema's fields that are not taken from the path. */
function queryDecorators(spec: RouteSpec, schema: z.ZodType, note?: string): MethodDecorator[] {
  const { properties, required } = propertiesOf(jsonSchemaOf(schema, 'input'));
  const inPath = new Set(pathParameters(spec.path).map((name) => spec.params[name] ?? name));
  return Object.entries(properties)
    .filter(([name]) => !inPath.has(name))
    .map(([name, property]) => {
      const description = [property.description, note ? `(${note})` : undefined].filter(Boolean).join(' ');
      return ApiQuery({
        name,
        required: required.includes(name),
        schema: property,
        ...(description ? { description } : {}),
      });
    });
}

/** A JSON body (the RPC's request), or a CSV or XLSX file whose lines become its rows. */
function uploadBody(spec: RouteSpec, upload: UploadSpec): RequestBodyObject {
  const file: SchemaObject = { type: 'string', format: 'binary', description: upload.description };
  return {
    required: true,
    content: { 'application/json': { schema: bodySchemaOf(spec) }, [CSV]: { schema: file }, [XLSX]: { schema: file } },
  };
}

const FILES: Readonly<Record<FileResponse, { type: string; description: string; attachment: boolean }>> = {
  xlsx: { type: XLSX, description: 'an Excel workbook', attachment: true },
  pdf: { type: PDF, description: 'a PDF document', attachment: true },
  html: { type: HTML, description: 'an HTML page', attachment: false },
};

const ATTACHMENT_HEADERS = {
  'Content-Disposition': { description: 'attachment with the file name', schema: { type: 'string' } },
};

function successResponse(spec: RouteSpec): MethodDecorator {
  if (typeof spec.response === 'string') {
    const file = FILES[spec.response];
    return ApiResponse({
      status: spec.status,
      description: file.description,
      ...(file.attachment ? { headers: ATTACHMENT_HEADERS } : {}),
      content: { [file.type]: { schema: { type: 'string', format: 'binary' } } },
    });
  }
  const schema: SchemaObject = jsonSchemaOf(spec.response, 'output');
  const versioned = propertiesOf(schema).properties.version !== undefined;
  return ApiResponse({
    status: spec.status,
    description: 'success',
    content: { 'application/json': { schema } },
    ...(versioned ? { headers: { ETag: { description: 'W/"<version>"', schema: { type: 'string' } } } } : {}),
  });
}

/** A problem status, with the route's own JSON body where it answers that status with one too. */
function problemResponse(spec: RouteSpec, status: number): MethodDecorator {
  const own = spec.alsoAnswers[status];
  const problem = { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } };
  return ApiResponse({
    status,
    description: [own?.description, PROBLEM_DESCRIPTIONS[status] ?? 'problem'].filter(Boolean).join('; or '),
    ...(status === 429 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
    content: {
      ...(own ? { 'application/json': { schema: jsonSchemaOf(own.schema, 'output') } } : {}),
      'application/problem+json': problem,
    },
  });
}

/**
 * Every problem status the route can answer, so that a generated client can trust the document:
 * what the edge refuses for any request (token, URL and header limits, rate limits), what a body
 * adds, and, where the route asks a service, every category a service may refuse with.
 */
function problemStatuses(spec: RouteSpec): number[] {
  const statuses = new Set([400, 401, 403, 408, 414, 429, 431, 500, 503]);
  if (pathParameters(spec.path).length > 0) statuses.add(404);
  if (spec.method !== 'GET') [413, 415].forEach((status) => statuses.add(status));
  if (spec.idempotent) [409, 422].forEach((status) => statuses.add(status));
  if (spec.forwards) Object.values(RPC_ERROR_CODES).forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b);
}
