import { StreamableFile } from '@nestjs/common';

import { attachment } from './content-disposition';

/** A file a service sent base64-encoded over NATS (a workbook, a PDF), as a download. */
export function download(file: { readonly fileName: string; readonly contentBase64: string }, type: string) {
  const content = Buffer.from(file.contentBase64, 'base64');
  return new StreamableFile(content, { type, disposition: attachment(file.fileName), length: content.length });
}
