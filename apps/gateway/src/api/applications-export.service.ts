import { Injectable, type StreamableFile } from '@nestjs/common';
import type { z } from 'zod';

import { ExportApplications } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { download } from './file-download';

/** The applications workbook as a download: the service sends it base64-encoded over NATS. */
@Injectable()
export class ApplicationsExport {
  constructor(private readonly rpc: RpcClient) {}

  async workbook(filters: z.output<typeof ExportApplications.request>): Promise<StreamableFile> {
    return download(await this.rpc.request(ExportApplications, filters), XLSX);
  }
}
