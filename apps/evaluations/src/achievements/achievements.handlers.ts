import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { ListAchievements, ReportAchievement } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { AchievementsService } from './achievements.service';

/** NATS handlers of tic.rpc.evaluations.achievements.* (A27); each delegates in one line. */
@Controller()
export class AchievementsHandlers {
  constructor(private readonly achievements: AchievementsService) {}

  @RpcHandler(ReportAchievement)
  report(@Payload() input: In<typeof ReportAchievement>, @CurrentCaller() caller: Caller) {
    return this.achievements.report(input, caller);
  }

  @RpcHandler(ListAchievements)
  list(@Payload() input: In<typeof ListAchievements>, @CurrentCaller() caller: Caller) {
    return this.achievements.list(input, caller);
  }
}
