import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  DeclareAgencyRelations,
  DeclineAssignment,
  EntrustAgency,
  ExportRoundScores,
  GetAssignment,
  GetRound,
  GradeRound,
  ListCenterEvaluations,
  ListRounds,
  OpenRound,
  PublicRoundResult,
  PublishRound,
  RoundStatistics,
  ScoreAssignment,
  StartGrading,
  SubmitAssignment,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';
import { EntityManager } from '@mikro-orm/postgresql';

import { RoundAssignmentsService } from './round-assignments.service';
import { RoundEntrustmentService } from './round-entrustment.service';
import { RoundGradingService } from './round-grading.service';
import { RoundListsService } from './round-lists.service';
import { RoundOpeningService } from './round-opening.service';
import { RoundPublicationService } from './round-publication.service';
import { RoundReadsService } from './round-reads.service';

/** NATS handlers of tic.rpc.evaluations.rounds.* (A28–A30); each delegates in one line. */
@Controller()
export class RoundsHandlers {
  constructor(
    private readonly opening: RoundOpeningService,
    private readonly entrustment: RoundEntrustmentService,
    private readonly assignments: RoundAssignmentsService,
    private readonly grading: RoundGradingService,
    private readonly publication: RoundPublicationService,
    private readonly reads: RoundReadsService,
    private readonly lists: RoundListsService,
    private readonly em: EntityManager,
  ) {}

  @RpcHandler(OpenRound)
  open(@Payload() input: In<typeof OpenRound>, @CurrentCaller() caller: Caller) {
    return this.opening.open(input, caller);
  }

  @RpcHandler(GetRound)
  get(@Payload() input: In<typeof GetRound>, @CurrentCaller() caller: Caller) {
    return this.reads.get(input.id, caller);
  }

  @RpcHandler(ListRounds)
  list(@Payload() input: In<typeof ListRounds>, @CurrentCaller() caller: Caller) {
    return this.lists.list(input, caller);
  }

  @RpcHandler(ListCenterEvaluations)
  centerHistory(@Payload() input: In<typeof ListCenterEvaluations>, @CurrentCaller() caller: Caller) {
    return this.lists.centerHistory(input, caller);
  }

  @RpcHandler(EntrustAgency)
  entrust(@Payload() input: In<typeof EntrustAgency>, @CurrentCaller() caller: Caller) {
    return this.entrustment.entrust(input, caller);
  }

  @RpcHandler(DeclareAgencyRelations)
  declareRelations(@Payload() input: In<typeof DeclareAgencyRelations>, @CurrentCaller() caller: Caller) {
    return this.entrustment.declareRelations(input, caller);
  }

  @RpcHandler(GetAssignment)
  assignment(@Payload() input: In<typeof GetAssignment>, @CurrentCaller() caller: Caller) {
    return this.assignments.view(this.em.fork(), input, caller);
  }

  @RpcHandler(ScoreAssignment)
  score(@Payload() input: In<typeof ScoreAssignment>, @CurrentCaller() caller: Caller) {
    return this.assignments.score(input, caller);
  }

  @RpcHandler(SubmitAssignment)
  submit(@Payload() input: In<typeof SubmitAssignment>, @CurrentCaller() caller: Caller) {
    return this.assignments.submit(input, caller);
  }

  @RpcHandler(DeclineAssignment)
  decline(@Payload() input: In<typeof DeclineAssignment>, @CurrentCaller() caller: Caller) {
    return this.assignments.decline(input, caller);
  }

  @RpcHandler(StartGrading)
  startGrading(@Payload() input: In<typeof StartGrading>, @CurrentCaller() caller: Caller) {
    return this.grading.startGrading(input, caller);
  }

  @RpcHandler(GradeRound)
  grade(@Payload() input: In<typeof GradeRound>, @CurrentCaller() caller: Caller) {
    return this.grading.grade(input, caller);
  }

  @RpcHandler(PublishRound)
  publish(@Payload() input: In<typeof PublishRound>, @CurrentCaller() caller: Caller) {
    return this.publication.publish(input, caller);
  }

  @RpcHandler(PublicRoundResult)
  publicResult(@Payload() input: In<typeof PublicRoundResult>) {
    return this.reads.publicResult(input.id);
  }

  @RpcHandler(RoundStatistics)
  statistics(@Payload() input: In<typeof RoundStatistics>, @CurrentCaller() caller: Caller) {
    return this.reads.statistics(input.year, caller);
  }

  @RpcHandler(ExportRoundScores)
  scores(@Payload() input: In<typeof ExportRoundScores>, @CurrentCaller() caller: Caller) {
    return this.reads.scoresWorkbook(input.id, caller);
  }
}
