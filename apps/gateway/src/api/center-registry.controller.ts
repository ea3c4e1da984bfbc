import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CenterStatistics, ExportCenters } from '@tic/contracts';
import type { Role } from '@tic/domain';
import { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { download } from './file-download';
import type { RpcInput } from './rpc-input';

// The policy's `center.export`: DST keeps the registry, the committee office holds its filings.
const REGISTRY_KEEPERS: readonly Role[] = ['dst_admin', 'committee_office'];

/** The whole center registry for DST and the committee office: the workbook and the statistics (issue 11). */
@ApiTags('centers')
@Controller('centers')
export class CenterRegistryController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', 'export', ExportCenters, { access: REGISTRY_KEEPERS, response: 'xlsx' })
  async export(@Input() input: RpcInput<typeof ExportCenters>) {
    return download(await this.rpc.request(ExportCenters, input), XLSX);
  }

  @RpcRoute('GET', 'statistics', CenterStatistics, { access: REGISTRY_KEEPERS })
  statistics(@Input() input: RpcInput<typeof CenterStatistics>) {
    return this.rpc.request(CenterStatistics, input);
  }
}
