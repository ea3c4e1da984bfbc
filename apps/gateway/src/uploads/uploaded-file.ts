import { CSV, XLSX } from '../http/media-types';

/** The file bodies an upload route takes besides JSON. */
export const UPLOAD_MEDIA_TYPES = [CSV, XLSX] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];

/** 20 MiB: a roster of 100,000 lines fits as CSV; JSON bodies keep their 1 MiB everywhere. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** Lines after the header an uploaded roster may have: 50 requests of ROSTER_BATCH_ROWS at most. */
export const UPLOAD_MAX_ROWS = 100_000;

/** A CSV or XLSX request body as the upload body parser hands it to the route, unread. */
export class UploadedFile {
  constructor(
    readonly mediaType: UploadMediaType,
    readonly content: Buffer,
  ) {}
}
