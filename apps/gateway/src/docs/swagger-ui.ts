import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>辽宁省技术创新中心管理平台 API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so that the Content-Security-Policy can forbid inline scripts.
// No persistAuthorization: Swagger UI would keep the bearer token in localStorage, where any script on
// the origin (or anyone at the browser later) reads it. No validatorUrl: the badge calls a third party.
const INIT = `window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

/**
 * GET /docs-json (the document) and GET /docs (Swagger UI from swagger-ui-dist). Served here rather
 * than by SwaggerModule.setup, which on Fastify needs @fastify/static, not a dependency of ours.
 */
export function serveDocs(app: NestFastifyApplication, document: OpenAPIObject): void {
  const fastify = app.getHttpAdapter().getInstance();
  const json = JSON.stringify(document);
  // swagger-ui-dist comes with @nestjs/swagger; resolve it from there.
  const assetsDir = (
    createRequire(require.resolve('@nestjs/swagger'))('swagger-ui-dist/absolute-path.js') as () => string
  )();
  fastify.get('/docs-json', (_request, reply) => reply.type('application/json; charset=utf-8').send(json));
  fastify.get('/docs', (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get('/docs/swagger-init.js', (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(INIT),
  );
  for (const [file, type] of Object.entries(ASSETS)) {
    let content: Buffer | undefined;
    fastify.get(`/docs/${file}`, (_request, reply) => {
      content ??= readFileSync(join(assetsDir, file));
      return reply.type(type).header('cache-control', 'public, max-age=86400').send(content);
    });
  }
}
