import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CreateOrganization, GetOrganization, GetOrganizationStanding, ListOrganizations } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', CreateOrganization, { access: ['dst_admin'], status: 201, idempotent: true })
  create(@Input() input: RpcInput<typeof CreateOrganization>) {
    return this.rpc.request(CreateOrganization, input);
  }

  @RpcRoute('GET', '', ListOrganizations, { access: SIGNED_IN })
  list(@Input() input: RpcInput<typeof ListOrganizations>) {
    return this.rpc.request(ListOrganizations, input);
  }

  @RpcRoute('GET', ':id', GetOrganization, { access: SIGNED_IN })
  get(@Input() input: RpcInput<typeof GetOrganization>) {
    return this.rpc.request(GetOrganization, input);
  }

  /** What the gateway itself asks to check a token's role against its organization (DOMAIN.md §1). */
  @RpcRoute('GET', ':id/standing', GetOrganizationStanding, { access: SIGNED_IN })
  standing(@Input() input: RpcInput<typeof GetOrganizationStanding>) {
    return this.rpc.request(GetOrganizationStanding, input);
  }
}
