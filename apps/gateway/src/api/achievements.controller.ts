import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListAchievements, ReportAchievement } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { REPORT_READERS } from './access-lists';
import type { RpcInput } from './rpc-input';

/** A27: a center's major achievements (重大科技成果的产出及转化), reported through the supporting unit to DST. */
@ApiTags('annual-reports')
@Controller('centers')
export class AchievementsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', ':centerId/achievements', ListAchievements, { access: REPORT_READERS })
  list(@Input() input: RpcInput<typeof ListAchievements>) {
    return this.rpc.request(ListAchievements, input);
  }

  @RpcRoute('POST', ':centerId/achievements', ReportAchievement, {
    access: ['supporting_unit'],
    status: 201,
    idempotent: true,
  })
  report(@Input() input: RpcInput<typeof ReportAchievement>) {
    return this.rpc.request(ReportAchievement, input);
  }
}
