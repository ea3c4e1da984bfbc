import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { DeclareConflict, DrawExperts, GetReview, ListExperts, RegisterExpert, ScoreApplication } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { ReviewsService } from './reviews.service';

/** NATS handlers of the expert pool and the expert review. */
@Controller()
export class ReviewsHandlers {
  constructor(private readonly reviews: ReviewsService) {}

  @RpcHandler(RegisterExpert)
  register(@Payload() input: In<typeof RegisterExpert>, @CurrentCaller() caller: Caller) {
    return this.reviews.register(input, caller);
  }

  @RpcHandler(ListExperts)
  list(@Payload() input: In<typeof ListExperts>, @CurrentCaller() caller: Caller) {
    return this.reviews.list(input, caller);
  }

  @RpcHandler(DrawExperts)
  draw(@Payload() input: In<typeof DrawExperts>, @CurrentCaller() caller: Caller) {
    return this.reviews.draw(input, caller);
  }

  @RpcHandler(DeclareConflict)
  recuse(@Payload() input: In<typeof DeclareConflict>, @CurrentCaller() caller: Caller) {
    return this.reviews.recuse(input, caller);
  }

  @RpcHandler(ScoreApplication)
  score(@Payload() input: In<typeof ScoreApplication>, @CurrentCaller() caller: Caller) {
    return this.reviews.score(input, caller);
  }

  @RpcHandler(GetReview)
  get(@Payload() input: In<typeof GetReview>, @CurrentCaller() caller: Caller) {
    return this.reviews.get(input.applicationId, caller);
  }
}
