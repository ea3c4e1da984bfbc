import type { LocalizedText } from '@tic/domain';

import { UPLOAD_MAX_ROWS } from './uploaded-file';

/**
 * An uploaded file the gateway cannot read, or that lacks a column. The reason names lines and
 * columns only, never a cell's content: a roster holds resident ID numbers.
 */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';

  constructor(readonly reason: LocalizedText) {
    super(reason.en);
  }
}

/** A file with more lines than an upload may have. */
export function tooManyRows(): UnreadableFile {
  return new UnreadableFile({
    zh: `文件超过 ${UPLOAD_MAX_ROWS} 行；请分成几个文件上传`,
    en: `The file has more than ${UPLOAD_MAX_ROWS} lines; upload it in several files`,
  });
}
