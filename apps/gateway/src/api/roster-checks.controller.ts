import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CheckRoster } from '@tic/contracts';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { ROSTER_CHECK_UPLOAD, type RosterCheckUpload } from './roster-uploads';
import { RosterUploads } from './roster-uploads.service';
import type { RpcInput } from './rpc-input';

@ApiTags('personnel')
@Controller('roster-checks')
export class RosterChecksController {
  constructor(private readonly rosters: RosterUploads) {}

  // A18 查重: DST, the recommender reviewing a roster, and the units that draw it up.
  @RpcRoute('POST', '', CheckRoster, {
    access: ['dst_admin', 'recommender', 'supporting_unit', 'construction_unit'],
    upload: ROSTER_CHECK_UPLOAD,
  })
  check(@Input() input: RpcInput<typeof CheckRoster> | RosterCheckUpload) {
    return this.rosters.check(input);
  }
}
