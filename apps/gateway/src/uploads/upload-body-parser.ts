import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ProblemException } from '../http/problem.exception';
import type { TIC_ROUTE_CONFIG } from '../routing/route-spec';
import { UPLOAD_LIMIT_BYTES, UPLOAD_MEDIA_TYPES, UploadedFile } from './uploaded-file';

/**
 * CSV and XLSX bodies, up to UPLOAD_LIMIT_BYTES, handed on unread as an UploadedFile. Only routes that
 * take files (Route({ upload })) read them: any other route refuses one with 415 before reading a byte,
 * so that the larger limit is not a way to make every route buffer 20 MiB. JSON keeps its 1 MiB.
 */
export function acceptUploads(app: NestFastifyApplication): void {
  for (const mediaType of UPLOAD_MEDIA_TYPES) {
    app.useBodyParser(mediaType, { bodyLimit: UPLOAD_LIMIT_BYTES }, (_request, body, done) => {
      done(null, new UploadedFile(mediaType, body));
    });
  }
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preParsing', (request, _reply, payload, done) => {
      const config = request.routeOptions.config as Partial<typeof TIC_ROUTE_CONFIG>;
      if (request.is404 || config.upload === true || !isUploadMediaType(request.headers['content-type'])) {
        done(null, payload);
        return;
      }
      done(
        ProblemException.of('unsupported_media_type', {
          zh: '此接口只接受 application/json 请求体；CSV 与 xlsx 文件仅用于名单上传',
          en: 'This route takes an application/json body; CSV and xlsx files are for roster uploads only',
        }),
      );
    });
}

function isUploadMediaType(contentType: string | undefined): boolean {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return UPLOAD_MEDIA_TYPES.some((mediaType) => mediaType === essence);
}
