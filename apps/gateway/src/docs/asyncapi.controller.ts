import { readFileSync } from 'node:fs';

import { Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import type { GatewayReply } from '../http/gateway-request';
import { Route } from '../routing/route.decorator';
import { renderAsyncApiPage } from './asyncapi-page';

const asyncApiDocumentSchema = z
  .looseObject({ asyncapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) })
  .describe('the AsyncAPI 3 document of the platform’s events and of the three ways agencies receive them');

/**
 * CONTRACT.md (Events): the event catalogue as the AsyncAPI document that @tic/contracts generates
 * (packages/contracts/asyncapi.json), and the same as a page to read. Both public: the catalogue holds
 * no data, only the shapes agencies integrate against.
 */
@ApiTags('events')
@Controller()
export class AsyncApiController {
  private readonly document = JSON.parse(
    readFileSync(require.resolve('@tic/contracts/asyncapi.json'), 'utf8'),
  ) as Record<string, unknown>;
  private readonly html = renderAsyncApiPage(this.document);

  @Route('GET', 'asyncapi.json', {
    summary: 'The AsyncAPI 3 document of the platform’s events: NATS subjects, webhook deliveries and the pull',
    access: 'public',
    request: z.object({}),
    response: asyncApiDocumentSchema,
  })
  asyncApi() {
    return this.document;
  }

  @Route('GET', 'asyncapi', {
    summary: 'The AsyncAPI document as an HTML page: every channel, message, payload schema and example',
    access: 'public',
    request: z.object({}),
    response: 'html',
  })
  asyncApiPage(@Res({ passthrough: true }) reply: GatewayReply) {
    reply.header('content-type', 'text/html; charset=utf-8');
    return this.html;
  }
}
