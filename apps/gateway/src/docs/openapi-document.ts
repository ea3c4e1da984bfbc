import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { jsonSchemaOf } from '../routing/json-schema';
import { PROBLEM_SCHEMA_NAME } from '../routing/openapi.decorators';
import { problemSchema } from './problem.schema';

/** The OpenAPI 3 document of every route, built from the routes' decorators (themselves from the zod schemas). */
export function openApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('辽宁省技术创新中心管理平台 API · Liaoning TIC platform API')
    .setDescription(
      'REST API of the gateway. Authentication: `Authorization: Bearer <JWT>` (RS256 or ES256; claims sub, name, role, org). ' +
        'Errors are application/problem+json (RFC 9457), in Chinese by default and in English with `Accept-Language: en`. ' +
        'Each operation lists the roles allowed (`x-roles`) and the RPC it forwards to (`x-rpc-subject`).',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: jsonSchemaOf(problemSchema, 'output') },
  };
  return document;
}
