import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ListCalendarYears, LoadCalendarYear } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('calendar')
@Controller('calendar/years')
export class CalendarController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', LoadCalendarYear, { access: ['dst_admin'], status: 201, idempotent: true })
  load(@Input() input: RpcInput<typeof LoadCalendarYear>) {
    return this.rpc.request(LoadCalendarYear, input);
  }

  @RpcRoute('GET', '', ListCalendarYears, { access: SIGNED_IN })
  list(@Input() input: RpcInput<typeof ListCalendarYears>) {
    return this.rpc.request(ListCalendarYears, input);
  }
}
