import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import { GetCommittee, GetCompliance, RecordCommitteeMeeting, SetCommittee, WaiveCenterRule } from '@tic/contracts';
import { CurrentCaller, RpcHandler, type Caller, type In } from '@tic/platform';

import { ComplianceService } from '../compliance/compliance.service';
import { CommitteesService } from './committees.service';

/** NATS handlers of a center's committees and its staffing compliance. */
@Controller()
export class CommitteesHandlers {
  constructor(
    private readonly committees: CommitteesService,
    private readonly complianceReads: ComplianceService,
  ) {}

  @RpcHandler(SetCommittee)
  set(@Payload() input: In<typeof SetCommittee>, @CurrentCaller() caller: Caller) {
    return this.committees.set(input, caller);
  }

  @RpcHandler(GetCommittee)
  get(@Payload() input: In<typeof GetCommittee>, @CurrentCaller() caller: Caller) {
    return this.committees.get(input, caller);
  }

  @RpcHandler(RecordCommitteeMeeting)
  recordMeeting(@Payload() input: In<typeof RecordCommitteeMeeting>, @CurrentCaller() caller: Caller) {
    return this.committees.recordMeeting(input, caller);
  }

  @RpcHandler(GetCompliance)
  compliance(@Payload() input: In<typeof GetCompliance>, @CurrentCaller() caller: Caller) {
    return this.complianceReads.get(input, caller);
  }

  @RpcHandler(WaiveCenterRule)
  waive(@Payload() input: In<typeof WaiveCenterRule>, @CurrentCaller() caller: Caller) {
    return this.complianceReads.waive(input, caller);
  }
}
