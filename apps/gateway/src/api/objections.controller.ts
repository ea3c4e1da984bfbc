import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { DecideObjection, FileObjection, ListObjections } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('public notice')
@Controller('objections')
export class ObjectionsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', FileObjection, { access: SIGNED_IN, status: 201, idempotent: true })
  file(@Input() input: RpcInput<typeof FileObjection>) {
    return this.rpc.request(FileObjection, input);
  }

  @RpcRoute('GET', '', ListObjections, { access: ['dst_admin'] })
  list(@Input() input: RpcInput<typeof ListObjections>) {
    return this.rpc.request(ListObjections, input);
  }

  @RpcRoute('POST', ':id/decision', DecideObjection, { access: ['dst_admin'], params: { id: 'objectionId' } })
  decide(@Input() input: RpcInput<typeof DecideObjection>) {
    return this.rpc.request(DecideObjection, input);
  }
}
