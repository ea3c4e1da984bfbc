import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ProblemException } from './problem.exception';

/**
 * 8 KiB: the longest URL the gateway reads. Node refuses a request line and headers over 16 KiB
 * together (431); a URL between the two is refused here as 414, so that no route parses an
 * over-long cursor or query.
 */
export const MAX_URL_BYTES = 8 * 1024;

/** Refuses an over-long URL when the request arrives, before authentication and the body. */
export function limitUrlLength(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      if (Buffer.byteLength(request.url) > MAX_URL_BYTES) {
        done(
          ProblemException.of('uri_too_long', {
            zh: `请求地址超过 ${MAX_URL_BYTES} 字节`,
            en: `The URL exceeds ${MAX_URL_BYTES} bytes`,
          }),
        );
        return;
      }
      done();
    });
}
