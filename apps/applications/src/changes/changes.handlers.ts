import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { CreateChange, GetChange, ListChanges, TransitionChange, UpdateChange } from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { ChangeWorkflowService } from './change-workflow.service';
import { ChangesService } from './changes.service';

/** NATS handlers of tic.rpc.applications.changes.* (A26); each delegates in one line. */
@Controller()
export class ChangesHandlers {
  constructor(
    private readonly changes: ChangesService,
    private readonly workflow: ChangeWorkflowService,
  ) {}

  @RpcHandler(CreateChange)
  create(@Payload() input: In<typeof CreateChange>, @CurrentCaller() caller: Caller) {
    return this.changes.create(input, caller);
  }

  @RpcHandler(UpdateChange)
  update(@Payload() input: In<typeof UpdateChange>, @CurrentCaller() caller: Caller) {
    return this.changes.update(input, caller);
  }

  @RpcHandler(GetChange)
  get(@Payload() input: In<typeof GetChange>, @CurrentCaller() caller: Caller) {
    return this.changes.get(input.id, caller);
  }

  @RpcHandler(ListChanges)
  list(@Payload() input: In<typeof ListChanges>, @CurrentCaller() caller: Caller) {
    return this.changes.list(input, caller);
  }

  @RpcHandler(TransitionChange)
  transition(@Payload() input: In<typeof TransitionChange>, @CurrentCaller() caller: Caller) {
    return this.workflow.transition(input, caller);
  }
}
