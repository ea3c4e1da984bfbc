import type { FastifyReply, FastifyRequest } from 'fastify';

import type { Caller } from '@tic/platform';

import type { BearerAuthenticator } from '../auth/bearer-authenticator';
import { unauthenticated } from '../auth/jwt-verifier';
import type { OrganizationFit } from '../auth/organization-fit';
import { localeOf } from '../http/locale';
import { problemBody } from '../http/problem-body';
import { ProblemException } from '../http/problem.exception';
import { toProblem } from '../http/problem-mapper';

/** The cookie a browser holds its operator token in, set by POST /ops/session and sent to /ops only. */
export const OPS_COOKIE = 'tic_ops';

/** DOMAIN.md §1: the Provincial Department of Science and Technology runs the platform and sees everything. */
export const OPERATOR_ROLE = 'dst_admin';

/**
 * Decides whether a request comes from an operator: a `dst_admin` token whose organization fits the
 * role (as every route checks it), given as a bearer token or, from a browser, in the ops cookie.
 * No credential is a 401, any other role a 403, both as problem+json.
 */
export class OperatorAccess {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    private readonly organizationFit: OrganizationFit,
    private readonly problemTypeBase: string,
  ) {}

  /** The operator, or a ProblemException (401 without or with a bad credential, 403 for another role). */
  async operatorOf(request: Pick<FastifyRequest, 'headers' | 'ip'>): Promise<Caller> {
    const cookieToken = cookieValue(request.headers.cookie, OPS_COOKIE);
    const headers =
      request.headers.authorization === undefined && cookieToken !== undefined
        ? { ...request.headers, authorization: `Bearer ${cookieToken}` }
        : request.headers;
    const caller = await this.authenticator.callerOf({ headers, ip: request.ip });
    if (caller === undefined) throw unauthenticated('no Authorization header or ops session');
    await this.organizationFit.check(caller);
    if (caller.role !== OPERATOR_ROLE) {
      throw ProblemException.of(
        'forbidden',
        {
          zh: `角色 ${caller.role} 无权查看运维页面（仅限 ${OPERATOR_ROLE}）`,
          en: `The role ${caller.role} may not see the operations pages (${OPERATOR_ROLE} only)`,
        },
        { reason: 'auth.operator_only' },
      );
    }
    return caller;
  }

  /** A Fastify onRequest hook admitting operators only. */
  readonly guard = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await this.operatorOf(request);
    } catch (error) {
      await this.refuse(request, reply, error);
    }
  };

  /** Renders a refusal as the gateway's problem filter does, for routes Nest does not own. */
  async refuse(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    const problem = toProblem(error);
    const locale = localeOf(request.headers['accept-language']);
    const body = problemBody(problem, locale, { url: request.url, correlationId: request.id }, this.problemTypeBase);
    for (const [name, value] of Object.entries(problem.headers ?? {})) void reply.header(name, value);
    await reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('content-language', locale === 'en' ? 'en' : 'zh-CN')
      .send(JSON.stringify(body));
  }
}

/** One cookie's value from a Cookie header (RFC 6265 pairs separated by `;`). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      const value = pair.slice(separator + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}
