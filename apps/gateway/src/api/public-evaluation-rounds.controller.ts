import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { PublicRoundResult } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/**
 * A30 公告: a published round's list of center names and grades, without a token. The evaluations service
 * serves the list of the round; the registry's per-center `evaluation_result` announcements carry the same
 * grades from the same tic.evaluation.graded events, so both read one source.
 */
@ApiTags('public')
@Controller('public')
export class PublicEvaluationRoundsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', 'evaluation-rounds/:id', PublicRoundResult, { access: 'public' })
  result(@Input() input: RpcInput<typeof PublicRoundResult>) {
    return this.rpc.request(PublicRoundResult, input);
  }
}
