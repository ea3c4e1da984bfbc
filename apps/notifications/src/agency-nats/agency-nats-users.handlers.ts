import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { GetAgencyNatsUser, IssueAgencyNatsUser, RevokeAgencyNatsUser } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { AgencyNatsUsersService } from './agency-nats-users.service';

/** NATS handlers of tic.rpc.notifications.agency_nats_users.*; each delegates in one line. */
@Controller()
export class AgencyNatsUsersHandlers {
  constructor(private readonly users: AgencyNatsUsersService) {}

  @RpcHandler(IssueAgencyNatsUser)
  issue(@Payload() input: In<typeof IssueAgencyNatsUser>, @CurrentCaller() caller: Caller) {
    return this.users.issue(input, caller);
  }

  @RpcHandler(GetAgencyNatsUser)
  get(@Payload() input: In<typeof GetAgencyNatsUser>, @CurrentCaller() caller: Caller) {
    return this.users.get(input, caller);
  }

  @RpcHandler(RevokeAgencyNatsUser)
  revoke(@Payload() input: In<typeof RevokeAgencyNatsUser>, @CurrentCaller() caller: Caller) {
    return this.users.revoke(input, caller);
  }
}
