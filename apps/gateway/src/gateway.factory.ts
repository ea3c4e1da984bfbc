import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { HEADERS } from '@tic/platform';

import { authenticateBeforeBody } from './auth/authenticate-early';
import type { GatewayConfig } from './config/gateway-config';
import { openApiDocument } from './docs/openapi-document';
import { serveDocs } from './docs/swagger-ui';
import { GatewayModule } from './gateway.module';
import { correlationIdOf } from './http/correlation-id';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { ProblemFilter } from './http/problem.filter';
import { limitUrlLength } from './http/url-limit';
import { addSecurityHeaders } from './http/security-headers';
import { serveOperations } from './ops/serve-operations';
import { GATEWAY_VERSION } from './package-version';
import { acceptUploads } from './uploads/upload-body-parser';

/** 1 MiB: a larger JSON body is refused with 413 before it is parsed (uploaded files: UPLOAD_LIMIT_BYTES). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the gateway (routes, docs, problem+json, correlation ids) without listening; main.ts and the tests listen. */
export async function createGateway(config: GatewayConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: correlationIdOf,
    trustProxy: config.TRUST_PROXY,
    clientErrorHandler: clientErrorHandler(config.PROBLEM_TYPE_BASE),
    frameworkErrors: frameworkErrors(config.PROBLEM_TYPE_BASE),
  });
  // Nest declares its options as a class; a literal of that shape is what its documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  try {
    app.useLogger(app.get(Logger));
    await addSecurityHeaders(app);
    acceptUploads(app);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (request, reply, done) => {
        reply.header(HEADERS.correlationId, request.id);
        done();
      });
    limitUrlLength(app);
    authenticateBeforeBody(app);
    serveOperations(app, config);
    app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/ready', 'asyncapi', 'asyncapi.json'] });
    app.useGlobalFilters(new ProblemFilter(config.PROBLEM_TYPE_BASE));
    serveDocs(app, openApiDocument(app, GATEWAY_VERSION));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}
