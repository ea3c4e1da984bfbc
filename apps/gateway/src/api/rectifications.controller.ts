import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  DecideRectification,
  DrawAcceptanceExperts,
  GetRectification,
  ListRectifications,
  ScoreRectification,
  TransitionRectification,
  WriteRectificationRequest,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { RECTIFICATION_ACTORS, RECTIFICATION_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/**
 * A30: a basic pass's rectification and its acceptance: the construction unit's request, the units'
 * reviews, DST's expert draw and decision, the drawn experts' scores.
 */
@ApiTags('rectifications')
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListRectifications, { access: RECTIFICATION_READERS })
  list(@Input() input: RpcInput<typeof ListRectifications>) {
    return this.rpc.request(ListRectifications, input);
  }

  @RpcRoute('GET', ':id', GetRectification, { access: RECTIFICATION_READERS })
  get(@Input() input: RpcInput<typeof GetRectification>) {
    return this.rpc.request(GetRectification, input);
  }

  @RpcRoute('PUT', ':id/request', WriteRectificationRequest, { access: ['construction_unit'], versioned: true })
  write(@Input() input: RpcInput<typeof WriteRectificationRequest>) {
    return this.rpc.request(WriteRectificationRequest, input);
  }

  // request_acceptance (construction unit), pass or return (supporting unit, then recommender).
  @RpcRoute('POST', ':id/transitions', TransitionRectification, { access: RECTIFICATION_ACTORS, versioned: true })
  transition(@Input() input: RpcInput<typeof TransitionRectification>) {
    return this.rpc.request(TransitionRectification, input);
  }

  @RpcRoute('POST', ':id/experts', DrawAcceptanceExperts, { access: ['dst_admin'], versioned: true })
  draw(@Input() input: RpcInput<typeof DrawAcceptanceExperts>) {
    return this.rpc.request(DrawAcceptanceExperts, input);
  }

  @RpcRoute('POST', ':id/scores', ScoreRectification, { access: ['expert'] })
  score(@Input() input: RpcInput<typeof ScoreRectification>) {
    return this.rpc.request(ScoreRectification, input);
  }

  @RpcRoute('POST', ':id/decision', DecideRectification, { access: ['dst_admin'], versioned: true })
  decide(@Input() input: RpcInput<typeof DecideRectification>) {
    return this.rpc.request(DecideRectification, input);
  }
}
