import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  ApproveApplication,
  ConfirmCoBuilders,
  CreateApplication,
  ExportApplications,
  GetApplication,
  ListApplications,
  RecordWaiver,
  TransitionApplication,
  UpdateApplication,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { ApplicationApprovalService } from './application-approval.service';
import { ApplicationCoBuildersService } from './application-co-builders.service';
import { ApplicationWorkflowService } from './application-workflow.service';
import { ApplicationsExportService } from './applications-export.service';
import { ApplicationsService } from './applications.service';

/** NATS handlers of tic.rpc.applications.applications.*; each delegates in one line. */
@Controller()
export class ApplicationsHandlers {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly approval: ApplicationApprovalService,
    private readonly exports: ApplicationsExportService,
    private readonly coBuilders: ApplicationCoBuildersService,
  ) {}

  @RpcHandler(CreateApplication)
  create(@Payload() input: In<typeof CreateApplication>, @CurrentCaller() caller: Caller) {
    return this.applications.create(input, caller);
  }

  @RpcHandler(UpdateApplication)
  update(@Payload() input: In<typeof UpdateApplication>, @CurrentCaller() caller: Caller) {
    return this.applications.update(input, caller);
  }

  @RpcHandler(GetApplication)
  get(@Payload() input: In<typeof GetApplication>, @CurrentCaller() caller: Caller) {
    return this.applications.get(input.id, caller);
  }

  @RpcHandler(ListApplications)
  list(@Payload() input: In<typeof ListApplications>, @CurrentCaller() caller: Caller) {
    return this.applications.list(input, caller);
  }

  @RpcHandler(TransitionApplication)
  transition(@Payload() input: In<typeof TransitionApplication>, @CurrentCaller() caller: Caller) {
    return this.workflow.transition(input, caller);
  }

  @RpcHandler(RecordWaiver)
  waive(@Payload() input: In<typeof RecordWaiver>, @CurrentCaller() caller: Caller) {
    return this.workflow.waive(input, caller);
  }

  @RpcHandler(ApproveApplication)
  approve(@Payload() input: In<typeof ApproveApplication>, @CurrentCaller() caller: Caller) {
    return this.approval.approve(input, caller);
  }

  @RpcHandler(ConfirmCoBuilders)
  confirmCoBuilders(@Payload() input: In<typeof ConfirmCoBuilders>, @CurrentCaller() caller: Caller) {
    return this.coBuilders.confirm(input, caller);
  }

  @RpcHandler(ExportApplications)
  export(@Payload() input: In<typeof ExportApplications>, @CurrentCaller() caller: Caller) {
    return this.exports.export(input, caller);
  }
}
