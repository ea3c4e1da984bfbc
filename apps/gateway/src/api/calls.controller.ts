import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListCalls, OpenCall } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', OpenCall, { access: ['dst_admin'], status: 201, idempotent: true })
  open(@Input() input: RpcInput<typeof OpenCall>) {
    return this.rpc.request(OpenCall, input);
  }

  @RpcRoute('GET', '', ListCalls, { access: SIGNED_IN })
  list(@Input() input: RpcInput<typeof ListCalls>) {
    return this.rpc.request(ListCalls, input);
  }
}
