import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';

import { type GatewayReply, type GatewayRequest } from './gateway-request';
import { localeOf } from './locale';
import { problemBody } from './problem-body';
import { toProblem } from './problem-mapper';

/** Renders every failure as RFC 9457 application/problem+json, in Chinese or (Accept-Language: en) English. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly typeBase: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GatewayRequest>();
    const reply = host.switchToHttp().getResponse<GatewayReply>();
    const problem = toProblem(exception);
    if (problem.status >= 500 && problem.code === 'internal') {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (reply.sent) return;
    const locale = localeOf(request.headers['accept-language']);
    const body = problemBody(problem, locale, { url: request.url, correlationId: request.id }, this.typeBase);
    for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
    reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('content-language', locale === 'en' ? 'en' : 'zh-CN')
      .send(JSON.stringify(body));
  }
}
