import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  CreateOrganization,
  GetOrganization,
  GetOrganizationStanding,
  ListCalls,
  ListOrganizations,
  OpenCall,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { CallsService } from '../calls/calls.service';
import { OrganizationsService } from './organizations.service';

/** NATS handlers for units and calls. */
@Controller()
export class OrganizationsHandlers {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly calls: CallsService,
  ) {}

  @RpcHandler(CreateOrganization)
  create(@Payload() input: In<typeof CreateOrganization>, @CurrentCaller() caller: Caller) {
    return this.organizations.create(input, caller);
  }

  @RpcHandler(GetOrganization)
  get(@Payload() input: In<typeof GetOrganization>, @CurrentCaller() _caller: Caller) {
    return this.organizations.get(input.id);
  }

  @RpcHandler(GetOrganizationStanding)
  standing(@Payload() input: In<typeof GetOrganizationStanding>) {
    return this.organizations.standing(input.id);
  }

  @RpcHandler(ListOrganizations)
  list(@Payload() input: In<typeof ListOrganizations>, @CurrentCaller() _caller: Caller) {
    return this.organizations.list(input);
  }

  @RpcHandler(OpenCall)
  openCall(@Payload() input: In<typeof OpenCall>, @CurrentCaller() caller: Caller) {
    return this.calls.open(input, caller);
  }

  @RpcHandler(ListCalls)
  listCalls(@Payload() input: In<typeof ListCalls>, @CurrentCaller() _caller: Caller) {
    return this.calls.list(input);
  }
}
