import { Injectable, StreamableFile } from '@nestjs/common';
import type { z } from 'zod';

import { ExportApplications } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { attachment } from './content-disposition';

/** The applications workbook as a download: the service sends it base64-encoded over NATS. */
@Injectable()
export class ApplicationsExport {
  constructor(private readonly rpc: RpcClient) {}

  async workbook(filters: z.output<typeof ExportApplications.request>): Promise<StreamableFile> {
    const file = await this.rpc.request(ExportApplications, filters);
    const content = Buffer.from(file.contentBase64, 'base64');
    return new StreamableFile(content, { type: XLSX, disposition: attachment(file.fileName), length: content.length });
  }
}
