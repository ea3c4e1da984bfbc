import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListExperts, RegisterExpert } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('expert review')
@Controller('experts')
export class ExpertsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', RegisterExpert, { access: ['dst_admin'], status: 201, idempotent: true })
  register(@Input() input: RpcInput<typeof RegisterExpert>) {
    return this.rpc.request(RegisterExpert, input);
  }

  @RpcRoute('GET', '', ListExperts, { access: ['dst_admin'] })
  list(@Input() input: RpcInput<typeof ListExperts>) {
    return this.rpc.request(ListExperts, input);
  }
}
