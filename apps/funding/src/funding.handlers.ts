import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  CloseAllocationYear,
  CreateAllocation,
  DeclinePolicySupportProposal,
  ExecutionSummary,
  GetAllocation,
  GetFundingSources,
  GetReportFunds,
  ImportExpenditures,
  ListAllocations,
  ListLedger,
  ListMisuseFindings,
  ListPolicySupportProposals,
  RateAllocation,
  RecordExpenditure,
  RecordFundingSources,
  RecordMisuseFinding,
  ReverseExpenditure,
  SelfEvaluateAllocation,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { AllocationDecisionsService } from './allocations/allocation-decisions.service';
import { AllocationsService } from './allocations/allocations.service';
import { ExecutionService } from './execution/execution.service';
import { LedgerService } from './ledger/ledger.service';
import { MisuseService } from './misuse/misuse.service';
import { ProposalsService } from './proposals/proposals.service';
import { SourcesService } from './sources/sources.service';

/** NATS handlers of tic.rpc.funding.* (A32–A36); each delegates in one line. */
@Controller()
export class FundingHandlers {
  constructor(
    private readonly allocations: AllocationsService,
    private readonly decisions: AllocationDecisionsService,
    private readonly ledger: LedgerService,
    private readonly proposals: ProposalsService,
    private readonly sources: SourcesService,
    private readonly misuse: MisuseService,
    private readonly execution: ExecutionService,
  ) {}

  @RpcHandler(CreateAllocation)
  createAllocation(@Payload() input: In<typeof CreateAllocation>, @CurrentCaller() caller: Caller) {
    return this.allocations.create(input, caller);
  }

  @RpcHandler(GetAllocation)
  getAllocation(@Payload() input: In<typeof GetAllocation>, @CurrentCaller() caller: Caller) {
    return this.allocations.get(input.allocationId, caller);
  }

  @RpcHandler(ListAllocations)
  listAllocations(@Payload() input: In<typeof ListAllocations>, @CurrentCaller() caller: Caller) {
    return this.allocations.list(input, caller);
  }

  @RpcHandler(CloseAllocationYear)
  closeYear(@Payload() input: In<typeof CloseAllocationYear>, @CurrentCaller() caller: Caller) {
    return this.decisions.closeYear(input, caller);
  }

  @RpcHandler(SelfEvaluateAllocation)
  selfEvaluate(@Payload() input: In<typeof SelfEvaluateAllocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.selfEvaluate(input, caller);
  }

  @RpcHandler(RateAllocation)
  rate(@Payload() input: In<typeof RateAllocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.rate(input, caller);
  }

  @RpcHandler(RecordExpenditure)
  recordExpenditure(@Payload() input: In<typeof RecordExpenditure>, @CurrentCaller() caller: Caller) {
    return this.ledger.record(input, caller);
  }

  @RpcHandler(ReverseExpenditure)
  reverseExpenditure(@Payload() input: In<typeof ReverseExpenditure>, @CurrentCaller() caller: Caller) {
    return this.ledger.reverse(input, caller);
  }

  @RpcHandler(ListLedger)
  listLedger(@Payload() input: In<typeof ListLedger>, @CurrentCaller() caller: Caller) {
    return this.ledger.list(input, caller);
  }

  @RpcHandler(ImportExpenditures)
  importExpenditures(@Payload() input: In<typeof ImportExpenditures>, @CurrentCaller() caller: Caller) {
    return this.ledger.import(input, caller);
  }

  @RpcHandler(ListPolicySupportProposals)
  listProposals(@Payload() input: In<typeof ListPolicySupportProposals>, @CurrentCaller() caller: Caller) {
    return this.proposals.list(input, caller);
  }

  @RpcHandler(DeclinePolicySupportProposal)
  declineProposal(@Payload() input: In<typeof DeclinePolicySupportProposal>, @CurrentCaller() caller: Caller) {
    return this.proposals.decline(input, caller);
  }

  @RpcHandler(RecordFundingSources)
  recordSources(@Payload() input: In<typeof RecordFundingSources>, @CurrentCaller() caller: Caller) {
    return this.sources.record(input, caller);
  }

  @RpcHandler(GetFundingSources)
  getSources(@Payload() input: In<typeof GetFundingSources>, @CurrentCaller() caller: Caller) {
    return this.sources.get(input, caller);
  }

  @RpcHandler(RecordMisuseFinding)
  recordMisuse(@Payload() input: In<typeof RecordMisuseFinding>, @CurrentCaller() caller: Caller) {
    return this.misuse.record(input, caller);
  }

  @RpcHandler(ListMisuseFindings)
  listMisuse(@Payload() input: In<typeof ListMisuseFindings>, @CurrentCaller() caller: Caller) {
    return this.misuse.list(input, caller);
  }

  @RpcHandler(ExecutionSummary)
  executionSummary(@Payload() input: In<typeof ExecutionSummary>, @CurrentCaller() caller: Caller) {
    return this.execution.summary(input, caller);
  }

  @RpcHandler(GetReportFunds)
  reportFunds(@Payload() input: In<typeof GetReportFunds>, @CurrentCaller() caller: Caller) {
    return this.execution.forReport(input, caller);
  }
}
