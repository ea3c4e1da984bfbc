import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { DrawExpertsForAcceptance } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { AcceptanceDrawService } from './acceptance-draw.service';

/** NATS handler of tic.rpc.applications.experts.draw_for_acceptance (A30), asked by the evaluations service. */
@Controller()
export class AcceptanceDrawHandlers {
  constructor(private readonly draws: AcceptanceDrawService) {}

  @RpcHandler(DrawExpertsForAcceptance)
  draw(@Payload() input: In<typeof DrawExpertsForAcceptance>, @CurrentCaller() caller: Caller) {
    return this.draws.draw(input, caller);
  }
}
