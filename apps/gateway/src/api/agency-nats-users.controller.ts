import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetAgencyNatsUser, IssueAgencyNatsUser, RevokeAgencyNatsUser } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/**
 * CONTRACT.md (Events, way 2): an agency's own NATS user, managed by DST. A user takes effect (or is
 * closed out) when the operator renders infra/nats/users.conf and reloads NATS (README, Agencies on JetStream).
 */
@ApiTags('events')
@Controller('agencies')
export class AgencyNatsUsersController {
  constructor(private readonly rpc: RpcClient) {}

  // Not idempotent on purpose: a recorded answer would keep the password; a retry simply rotates it again.
  @RpcRoute('POST', ':orgId/nats-user', IssueAgencyNatsUser, { access: ['dst_admin'], status: 201 })
  issue(@Input() input: RpcInput<typeof IssueAgencyNatsUser>) {
    return this.rpc.request(IssueAgencyNatsUser, input);
  }

  @RpcRoute('GET', ':orgId/nats-user', GetAgencyNatsUser, { access: ['dst_admin'] })
  get(@Input() input: RpcInput<typeof GetAgencyNatsUser>) {
    return this.rpc.request(GetAgencyNatsUser, input);
  }

  @RpcRoute('DELETE', ':orgId/nats-user', RevokeAgencyNatsUser, { access: ['dst_admin'] })
  revoke(@Input() input: RpcInput<typeof RevokeAgencyNatsUser>) {
    return this.rpc.request(RevokeAgencyNatsUser, input);
  }
}
