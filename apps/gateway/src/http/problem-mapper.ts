import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';

import { RPC_ERROR_CODES } from '@tic/contracts';
import type { LocalizedText } from '@tic/domain';
import { RpcFailure } from '@tic/platform';

import { codeOfStatus, problemCode } from './problem-codes';
import { ProblemException, type ProblemSpec } from './problem.exception';

// Chinese details of what Fastify and Nest refuse before a route runs (their messages are English).
const FRAMEWORK_DETAILS: Readonly<Record<number, string>> = {
  400: '请求格式无效（例如请求体不是合法的 JSON）',
  404: '没有这个地址',
  405: '该地址不支持此请求方法',
  413: '请求体超过上限（JSON 1 MiB，上传文件 20 MiB）',
  415: '仅接受 application/json 请求体（名单上传另接受 text/csv 与 xlsx 文件）',
  429: '请求过于频繁，请稍后再试',
};

/** Whatever a request failed with, as one problem: gateway refusals, service refusals, framework errors. */
export function toProblem(exception: unknown): ProblemSpec {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof RpcFailure) return fromRpcFailure(exception);
  if (exception instanceof ThrottlerException) {
    return {
      code: 'rate_limited',
      ...problemCode('rate_limited'),
      detail: { zh: FRAMEWORK_DETAILS[429] ?? '', en: 'Too many requests; retry after the time given in Retry-After' },
    };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return { code: 'internal', ...problemCode('internal') };
}

function fromRpcFailure(failure: RpcFailure): ProblemSpec {
  const { code, reason, title, detail, errors, rule, article, retryAfterSeconds } = failure.error;
  return {
    code,
    ...(reason ? { reason } : {}),
    status: RPC_ERROR_CODES[code],
    title,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    ...(rule ? { rule } : {}),
    ...(article ? { article } : {}),
    // RFC 9110 §10.2.3: a quota's refusal says when its window ends.
    ...(retryAfterSeconds ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
  };
}

function fromHttpException(exception: HttpException): ProblemSpec {
  const status = exception.getStatus();
  const code = codeOfStatus(status);
  const detail: LocalizedText = { zh: FRAMEWORK_DETAILS[status] ?? problemCode(code).title.zh, en: exception.message };
  return { code, ...problemCode(code), status, detail };
}
