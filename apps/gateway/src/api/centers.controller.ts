import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CreateChange, GetCenter, ListCenters, ListChanges } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('centers')
@Controller('centers')
export class CentersController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListCenters, { access: SIGNED_IN })
  list(@Input() input: RpcInput<typeof ListCenters>) {
    return this.rpc.request(ListCenters, input);
  }

  @RpcRoute('GET', ':id', GetCenter, { access: SIGNED_IN })
  get(@Input() input: RpcInput<typeof GetCenter>) {
    return this.rpc.request(GetCenter, input);
  }

  // A26: the construction unit writes a change report of its center.
  @RpcRoute('POST', ':centerId/changes', CreateChange, { access: ['construction_unit'], status: 201, idempotent: true })
  createChange(@Input() input: RpcInput<typeof CreateChange>) {
    return this.rpc.request(CreateChange, input);
  }

  @RpcRoute('GET', ':centerId/changes', ListChanges, { access: SIGNED_IN })
  listChanges(@Input() input: RpcInput<typeof ListChanges>) {
    return this.rpc.request(ListChanges, input);
  }
}
