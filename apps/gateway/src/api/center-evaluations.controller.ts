import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListCenterEvaluations } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { EVALUATION_HISTORY_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A28, A30: a center's evaluation history, round by round, as announced; a center the caller does not see is 404. */
@ApiTags('evaluations')
@Controller('centers')
export class CenterEvaluationsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', ':centerId/evaluations', ListCenterEvaluations, { access: EVALUATION_HISTORY_READERS })
  list(@Input() input: RpcInput<typeof ListCenterEvaluations>) {
    return this.rpc.request(ListCenterEvaluations, input);
  }
}
