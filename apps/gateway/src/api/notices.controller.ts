import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { PublishNotice } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('public notice')
@Controller('notices')
export class NoticesController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', PublishNotice, { access: ['dst_admin'], status: 201, idempotent: true })
  publish(@Input() input: RpcInput<typeof PublishNotice>) {
    return this.rpc.request(PublishNotice, input);
  }
}
