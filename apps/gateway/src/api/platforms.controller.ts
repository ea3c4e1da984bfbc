import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetPlatform, ImportPlatformRoster, ListPlatforms, RegisterPlatform } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import { PERSONNEL_READERS } from './access-lists';
import { ROSTER_IMPORT_UPLOAD, type RosterImportUpload } from './roster-uploads';
import { RosterUploads } from './roster-uploads.service';
import type { RpcInput } from './rpc-input';

@ApiTags('personnel')
@Controller('platforms')
export class PlatformsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly rosters: RosterUploads,
  ) {}

  @RpcRoute('POST', '', RegisterPlatform, { access: ['dst_admin'], status: 201, idempotent: true })
  register(@Input() input: RpcInput<typeof RegisterPlatform>) {
    return this.rpc.request(RegisterPlatform, input);
  }

  @RpcRoute('GET', '', ListPlatforms, { access: PERSONNEL_READERS })
  list(@Input() input: RpcInput<typeof ListPlatforms>) {
    return this.rpc.request(ListPlatforms, input);
  }

  @RpcRoute('GET', ':id', GetPlatform, { access: PERSONNEL_READERS })
  get(@Input() input: RpcInput<typeof GetPlatform>) {
    return this.rpc.request(GetPlatform, input);
  }

  @RpcRoute('POST', ':id/roster', ImportPlatformRoster, {
    access: ['dst_admin'],
    params: { id: 'platformId' },
    upload: ROSTER_IMPORT_UPLOAD,
  })
  importRoster(@Input() input: RpcInput<typeof ImportPlatformRoster> | RosterImportUpload) {
    return this.rosters.import(input);
  }
}
