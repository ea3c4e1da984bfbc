import { z } from 'zod';

import { fieldErrorsOf } from '@tic/contracts';

import { headerValue, type GatewayRequest } from '../http/gateway-request';
import type { Locale } from '../http/locale';
import { ProblemException } from '../http/problem.exception';
import { UploadedFile } from '../uploads/uploaded-file';
import { booleanFieldsOf } from './json-schema';
import { pathParameters, type RouteSpec } from './route-spec';

const zhMessages = z.locales.zhCN().localeError;
const booleanFields = new WeakMap<z.ZodType, ReadonlySet<string>>();

/**
 * The validated input of a route: the query (GET) or the JSON body, with the path parameters and,
 * on versioned routes, the version from If-Match, checked with the route's (the RPC's) zod schema.
 * On a route that takes files, a CSV or XLSX body gives the upload's fields and the file instead.
 */
export function routeInput(spec: RouteSpec, request: GatewayRequest, locale: Locale): unknown {
  if (spec.upload !== undefined && request.body instanceof UploadedFile) {
    // A file upload: its fields come from the query (and If-Match); the file is read by the route's service.
    const input = withPath(spec, request, queryOf(spec.upload.request, request));
    if (spec.versioned) {
      const version = versionOf(request, input.version, locale);
      if (version !== undefined) input.version = version;
    }
    const fields = validated(spec.upload.request, input, locale) as Record<string, unknown>;
    return { ...fields, file: request.body };
  }
  const source = spec.method === 'GET' ? queryOf(spec.request, request) : bodyOf(request, locale);
  const input = withPath(spec, request, source);
  if (spec.versioned) {
    const version = versionOf(request, input.version, locale);
    if (version !== undefined) input.version = version;
  }
  return validated(spec.request, input, locale);
}

function withPath(spec: RouteSpec, request: GatewayRequest, source: Record<string, unknown>): Record<string, unknown> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = { ...source };
  for (const name of pathParameters(spec.path)) input[spec.params[name] ?? name] = params[name];
  return input;
}

function validated(schema: z.ZodType, input: Record<string, unknown>, locale: Locale): unknown {
  const result = schema.safeParse(input, locale === 'zh' ? { error: zhMessages } : undefined);
  if (result.success) return result.data;
  throw ProblemException.invalid(fieldErrorsOf(result.error.issues));
}

function queryOf(schema: z.ZodType, request: GatewayRequest): Record<string, unknown> {
  let booleans = booleanFields.get(schema);
  if (booleans === undefined) {
    booleans = booleanFieldsOf(schema);
    booleanFields.set(schema, booleans);
  }
  const query: Record<string, unknown> = { ...(request.query as Record<string, unknown> | undefined) };
  for (const name of booleans) {
    if (query[name] === 'true' || query[name] === '1') query[name] = true;
    else if (query[name] === 'false' || query[name] === '0') query[name] = false;
  }
  return query;
}

function bodyOf(request: GatewayRequest, locale: Locale): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body) || body instanceof UploadedFile) {
    throw ProblemException.invalid([
      { path: '', message: locale === 'zh' ? '请求体须为 JSON 对象' : 'the body must be a JSON object' },
    ]);
  }
  return body as Record<string, unknown>;
}

/** If-Match (`W/"3"` or `"3"`) wins over the body's version; the two disagreeing is a client error. */
function versionOf(request: GatewayRequest, bodyVersion: unknown, locale: Locale): unknown {
  const header = headerValue(request, 'if-match');
  if (header === undefined) return bodyVersion;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match) {
    throw ProblemException.invalid([
      {
        path: 'If-Match',
        message: locale === 'zh' ? '须为本资源的 ETag，例如 W/"3"' : 'must be the ETag of the resource, e.g. W/"3"',
      },
    ]);
  }
  const version = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== version) {
    throw ProblemException.invalid([
      {
        path: 'version',
        message:
          locale === 'zh' ? `与 If-Match 的版本 ${version} 不一致` : `disagrees with If-Match (version ${version})`,
      },
    ]);
  }
  return version;
}
