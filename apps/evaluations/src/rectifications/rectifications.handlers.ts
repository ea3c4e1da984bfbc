import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  DecideRectification,
  DrawAcceptanceExperts,
  GetRectification,
  ListRectifications,
  ScoreRectification,
  TransitionRectification,
  WriteRectificationRequest,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { RectificationAcceptanceService } from './rectification-acceptance.service';
import { RectificationWorkflowService } from './rectification-workflow.service';

/** NATS handlers of tic.rpc.evaluations.rectifications.* (A30); each delegates in one line. */
@Controller()
export class RectificationsHandlers {
  constructor(
    private readonly workflow: RectificationWorkflowService,
    private readonly acceptance: RectificationAcceptanceService,
  ) {}

  @RpcHandler(GetRectification)
  get(@Payload() input: In<typeof GetRectification>, @CurrentCaller() caller: Caller) {
    return this.workflow.get(input.id, caller);
  }

  @RpcHandler(ListRectifications)
  list(@Payload() input: In<typeof ListRectifications>, @CurrentCaller() caller: Caller) {
    return this.workflow.list(input, caller);
  }

  @RpcHandler(WriteRectificationRequest)
  write(@Payload() input: In<typeof WriteRectificationRequest>, @CurrentCaller() caller: Caller) {
    return this.workflow.write(input, caller);
  }

  @RpcHandler(TransitionRectification)
  transition(@Payload() input: In<typeof TransitionRectification>, @CurrentCaller() caller: Caller) {
    return this.workflow.transition(input, caller);
  }

  @RpcHandler(DrawAcceptanceExperts)
  draw(@Payload() input: In<typeof DrawAcceptanceExperts>, @CurrentCaller() caller: Caller) {
    return this.acceptance.draw(input, caller);
  }

  @RpcHandler(ScoreRectification)
  score(@Payload() input: In<typeof ScoreRectification>, @CurrentCaller() caller: Caller) {
    return this.acceptance.score(input, caller);
  }

  @RpcHandler(DecideRectification)
  decide(@Payload() input: In<typeof DecideRectification>, @CurrentCaller() caller: Caller) {
    return this.acceptance.decide(input, caller);
  }
}
