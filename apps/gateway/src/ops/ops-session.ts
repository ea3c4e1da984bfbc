import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';

import { OPS_COOKIE, type OperatorAccess } from './operator-access';

/** An operator's browser session lasts an hour at most, and never past its token's own expiry. */
const SESSION_MAX_SECONDS = 3600;

// No script: the page works under the gateway's Content-Security-Policy as it is.
const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>运维登录 · Operations sign-in</title></head>
<body>
<h1>运维登录 · Operations sign-in</h1>
<p>粘贴省科技厅管理员（dst_admin）的访问令牌。Paste a dst_admin access token.</p>
<form method="post" action="/ops/session">
<textarea name="token" rows="6" cols="80" required autocomplete="off"></textarea><br>
<button type="submit">登录 · Sign in</button>
</form>
</body></html>`;

/**
 * How a browser signs in to the operations pages, which cannot send a bearer header: the operator
 * posts a dst_admin token (the login form, or an Authorization header) and gets it back as an
 * HttpOnly, Secure, SameSite=Strict cookie for /ops, for an hour at most. Every request to /ops
 * verifies the token again, so a revoked role or an expired token ends the session.
 */
export function serveOpsSession(fastify: FastifyInstance, access: OperatorAccess): void {
  // The form's body is parsed by the urlencoded parser Nest's Fastify adapter registers.
  fastify.get('/ops/login', async (_request, reply) => reply.type('text/html; charset=utf-8').send(LOGIN_PAGE));

  fastify.post('/ops/session', async (request, reply) => {
    const fromForm = typeof (request.body as { token?: unknown } | undefined)?.token === 'string';
    const token = fromForm
      ? (request.body as { token: string }).token.trim()
      : (/^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? '');
    try {
      // The token posted is the one judged, whatever cookie the browser still holds.
      const { cookie: _ignored, ...headers } = request.headers;
      await access.operatorOf({ headers: { ...headers, authorization: `Bearer ${token}` }, ip: request.ip });
    } catch (error) {
      return access.refuse(request, reply, error);
    }
    void reply.header('set-cookie', sessionCookie(token, sessionSeconds(token)));
    return fromForm ? reply.redirect('/ops/queues', 303) : reply.status(204).send();
  });

  fastify.post('/ops/session/end', async (_request, reply) => {
    void reply.header('set-cookie', sessionCookie('', 0));
    return reply.status(204).send();
  });
}

function sessionSeconds(token: string): number {
  const exp = decodeJwt(token).exp;
  const left = exp === undefined ? SESSION_MAX_SECONDS : Math.floor(exp - Date.now() / 1000);
  return Math.max(0, Math.min(SESSION_MAX_SECONDS, left));
}

function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${OPS_COOKIE}=${token}; Path=/ops; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}
