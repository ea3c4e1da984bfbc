import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ExecutionSummary, ListMisuseFindings } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { CENTER_FUNDS_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A35, A36: reads across allocations: execution rates and misuse findings. */
@ApiTags('funding')
@Controller()
export class FundingReadsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', 'funding/execution', ExecutionSummary, { access: CENTER_FUNDS_READERS })
  execution(@Input() input: RpcInput<typeof ExecutionSummary>) {
    return this.rpc.request(ExecutionSummary, input);
  }

  @RpcRoute('GET', 'misuse-findings', ListMisuseFindings, { access: CENTER_FUNDS_READERS })
  misuseFindings(@Input() input: RpcInput<typeof ListMisuseFindings>) {
    return this.rpc.request(ListMisuseFindings, input);
  }
}
