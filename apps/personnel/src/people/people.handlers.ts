import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  GetPerson,
  ListIdentityReads,
  ListPeople,
  RegisterPerson,
  RevealIdentityNumber,
  UpdatePerson,
} from '@tic/contracts';
import { CurrentCaller, RpcHandler, type Caller, type In } from '@tic/platform';

import { PeopleService } from './people.service';

/** NATS handlers of the people register. */
@Controller()
export class PeopleHandlers {
  constructor(private readonly people: PeopleService) {}

  @RpcHandler(RegisterPerson)
  register(@Payload() input: In<typeof RegisterPerson>, @CurrentCaller() caller: Caller) {
    return this.people.register(input, caller);
  }

  @RpcHandler(GetPerson)
  get(@Payload() input: In<typeof GetPerson>, @CurrentCaller() caller: Caller) {
    return this.people.get(input.id, caller);
  }

  @RpcHandler(ListPeople)
  list(@Payload() input: In<typeof ListPeople>, @CurrentCaller() caller: Caller) {
    return this.people.list(input, caller);
  }

  @RpcHandler(UpdatePerson)
  update(@Payload() input: In<typeof UpdatePerson>, @CurrentCaller() caller: Caller) {
    return this.people.update(input, caller);
  }

  @RpcHandler(RevealIdentityNumber)
  reveal(@Payload() input: In<typeof RevealIdentityNumber>, @CurrentCaller() caller: Caller) {
    return this.people.revealIdNumber(input.id, input.reason, caller);
  }

  @RpcHandler(ListIdentityReads)
  identityReads(@Payload() input: In<typeof ListIdentityReads>, @CurrentCaller() caller: Caller) {
    return this.people.identityReads(input, caller);
  }
}
