import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

import { HEADERS } from '@tic/platform';

import type { GatewayReply, GatewayRequest } from './gateway-request';
import { localeOf } from './locale';
import { problemBody } from './problem-body';
import { problemCode, type ProblemCode } from './problem-codes';
import type { ProblemSpec } from './problem.exception';

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Chinese details of what Node and Fastify refuse before Nest sees a request (their own texts are English). */
const DETAILS: Partial<Record<ProblemCode, { zh: string; en: string }>> = {
  request_timeout: { zh: '请求未在时限内收完', en: 'The request was not received in time' },
  headers_too_large: {
    zh: '请求行与请求头合计超过 16 KiB',
    en: 'The request line and headers exceed 16 KiB together',
  },
  uri_too_long: { zh: '请求地址或其中的参数过长', en: 'The URL, or a parameter in its path, is too long' },
  invalid_input: { zh: '请求无法解析', en: 'The request could not be parsed' },
};

function problemOf(code: ProblemCode): ProblemSpec {
  return { code, ...problemCode(code), ...(DETAILS[code] ? { detail: DETAILS[code] } : {}) };
}

/**
 * Node's parser refuses some requests before Fastify builds one (headers over the limit, a request
 * not received in time, a malformed request line): answered here as problem+json, in Chinese since
 * no Accept-Language was read, on the raw socket.
 */
export function clientErrorHandler(typeBase: string): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code: ProblemCode =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request_timeout'
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? 'headers_too_large'
          : 'invalid_input';
    const problem = problemOf(code);
    const body = JSON.stringify(problemBody(problem, 'zh', { url: '', correlationId: randomUUID() }, typeBase));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${problem.status} ${problem.title.en}\r\nConnection: close\r\nContent-Type: ${PROBLEM_JSON}\r\n` +
          `Content-Language: zh-CN\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

/** Fastify's own refusals before routing (a path parameter over its length, a URL it cannot decode), as problem+json. */
export function frameworkErrors(
  typeBase: string,
): (error: Error & { code?: string }, request: Pick<GatewayRequest, 'id' | 'url' | 'headers'>, reply: object) => void {
  return (error, request, fastifyReply) => {
    // Fastify's reply, written through the few methods the problem filter uses too.
    const reply = fastifyReply as GatewayReply;
    const problem = problemOf(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'invalid_input');
    const locale = localeOf(request.headers['accept-language']);
    reply
      .status(problem.status)
      .header('content-type', PROBLEM_JSON)
      .header('content-language', locale === 'en' ? 'en' : 'zh-CN')
      .header(HEADERS.correlationId, request.id)
      .send(JSON.stringify(problemBody(problem, locale, { url: request.url, correlationId: request.id }, typeBase)));
  };
}
