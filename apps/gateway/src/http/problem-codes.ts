import { RPC_ERROR_CODES, type RpcErrorCode } from '@tic/contracts';
import type { LocalizedText } from '@tic/domain';
import { RpcFailure } from '@tic/platform';

/** Refusals that only the gateway gives (HTTP mechanics rather than the measures). */
const GATEWAY_CODES = {
  payload_too_large: { status: 413, title: { zh: '请求体过大', en: 'Request body too large' } },
  unsupported_media_type: { status: 415, title: { zh: '不支持的内容类型', en: 'Unsupported media type' } },
  method_not_allowed: { status: 405, title: { zh: '不支持的请求方法', en: 'Method not allowed' } },
  rate_limited: { status: 429, title: { zh: '请求过于频繁', en: 'Too many requests' } },
  request_timeout: { status: 408, title: { zh: '请求超时', en: 'Request timeout' } },
  uri_too_long: { status: 414, title: { zh: '请求地址过长', en: 'URI too long' } },
  headers_too_large: { status: 431, title: { zh: '请求头过大', en: 'Request header fields too large' } },
  idempotency_key_reused: {
    status: 422,
    title: { zh: '幂等键已用于不同的请求', en: 'Idempotency key reused with another request' },
  },
  idempotency_in_progress: {
    status: 409,
    title: { zh: '相同幂等键的请求正在处理', en: 'A request with this idempotency key is in progress' },
  },
} as const satisfies Record<string, { status: number; title: LocalizedText }>;

export type ProblemCode = RpcErrorCode | keyof typeof GATEWAY_CODES;

/** The HTTP status and title of every problem code, the services' (RPC_ERROR_CODES) and the gateway's. */
export function problemCode(code: ProblemCode): { status: number; title: LocalizedText } {
  if (code in GATEWAY_CODES) return GATEWAY_CODES[code as keyof typeof GATEWAY_CODES];
  const rpcCode = code as RpcErrorCode;
  return { status: RPC_ERROR_CODES[rpcCode], title: RpcFailure.of(rpcCode).error.title };
}

/** Every problem code, for the OpenAPI document. */
export const PROBLEM_CODES: readonly ProblemCode[] = [
  ...(Object.keys(RPC_ERROR_CODES) as RpcErrorCode[]),
  ...(Object.keys(GATEWAY_CODES) as (keyof typeof GATEWAY_CODES)[]),
];

/** The problem code of an HTTP status that a framework layer (Fastify, Nest) produced. */
export function codeOfStatus(status: number): ProblemCode {
  switch (status) {
    case 400:
      return 'invalid_input';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 408:
      return 'request_timeout';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'rate_limited';
    case 431:
      return 'headers_too_large';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'invalid_input';
  }
}
