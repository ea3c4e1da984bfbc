import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListIdentityReads } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('personnel')
@Controller('identity-reads')
export class IdentityReadsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListIdentityReads, { access: ['dst_admin'] })
  list(@Input() input: RpcInput<typeof ListIdentityReads>) {
    return this.rpc.request(ListIdentityReads, input);
  }
}
