import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetChange, TransitionChange, UpdateChange } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import { CHANGE_ACTORS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A26: a center's change reports (written under `POST /centers/{centerId}/changes`), read, edited and moved on. */
@ApiTags('centers')
@Controller('changes')
export class ChangesController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', ':id', GetChange, { access: SIGNED_IN })
  get(@Input() input: RpcInput<typeof GetChange>) {
    return this.rpc.request(GetChange, input);
  }

  @RpcRoute('PUT', ':id', UpdateChange, { access: ['construction_unit'], versioned: true })
  update(@Input() input: RpcInput<typeof UpdateChange>) {
    return this.rpc.request(UpdateChange, input);
  }

  // submit, pass (naming the management committee's review), consent, approve (DST files it), return.
  @RpcRoute('POST', ':id/transitions', TransitionChange, { access: CHANGE_ACTORS, versioned: true })
  transition(@Input() input: RpcInput<typeof TransitionChange>) {
    return this.rpc.request(TransitionChange, input);
  }
}
