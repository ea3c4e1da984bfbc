import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  DeclareAgencyRelations,
  DeclineAssignment,
  EntrustAgency,
  ExportRoundScores,
  GetAssignment,
  GetRound,
  GradeRound,
  ListRounds,
  OpenRound,
  PublishRound,
  RoundStatistics,
  ScoreAssignment,
  StartGrading,
  SubmitAssignment,
} from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { XLSX } from '../http/media-types';
import { Input } from '../routing/input.decorator';
import { SIGNED_IN } from '../routing/route-spec';
import { RpcRoute } from '../routing/route.decorator';
import { download } from './file-download';
import type { RpcInput } from './rpc-input';

/**
 * A28–A30: DST opens, entrusts, grades and publishes a round; the agency scores and submits its centers; a
 * center's supporting unit declines. Reads are open to every signed-in role: the service shows each caller
 * only the centers it may see (an agency its own) and answers 404 for a round with none. The list of rounds is
 * DST's, and an agency's for the rounds it is entrusted in; a unit reads its center's rounds as the center's
 * evaluation history (GET /centers/{centerId}/evaluations).
 */
@ApiTags('evaluations')
@Controller('evaluation-rounds')
export class EvaluationRoundsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', '', OpenRound, { access: ['dst_admin'], status: 201, idempotent: true })
  open(@Input() input: RpcInput<typeof OpenRound>) {
    return this.rpc.request(OpenRound, input);
  }

  @RpcRoute('GET', '', ListRounds, { access: ['dst_admin', 'evaluator'] })
  list(@Input() input: RpcInput<typeof ListRounds>) {
    return this.rpc.request(ListRounds, input);
  }

  @RpcRoute('GET', 'statistics', RoundStatistics, { access: ['dst_admin'] })
  statistics(@Input() input: RpcInput<typeof RoundStatistics>) {
    return this.rpc.request(RoundStatistics, input);
  }

  // A29 回避: the agency declares its own relations; DST is refused an entrustment that conflicts with them.
  @RpcRoute('PUT', 'agency-relations', DeclareAgencyRelations, { access: ['evaluator'] })
  declareRelations(@Input() input: RpcInput<typeof DeclareAgencyRelations>) {
    return this.rpc.request(DeclareAgencyRelations, input);
  }

  @RpcRoute('GET', ':id', GetRound, { access: SIGNED_IN })
  get(@Input() input: RpcInput<typeof GetRound>) {
    return this.rpc.request(GetRound, input);
  }

  @RpcRoute('GET', ':id/scores', ExportRoundScores, { access: ['dst_admin'], response: 'xlsx' })
  async scores(@Input() input: RpcInput<typeof ExportRoundScores>) {
    return download(await this.rpc.request(ExportRoundScores, input), XLSX);
  }

  @RpcRoute('POST', ':id/entrustments', EntrustAgency, { access: ['dst_admin'] })
  entrust(@Input() input: RpcInput<typeof EntrustAgency>) {
    return this.rpc.request(EntrustAgency, input);
  }

  @RpcRoute('POST', ':id/grading', StartGrading, { access: ['dst_admin'], versioned: true })
  startGrading(@Input() input: RpcInput<typeof StartGrading>) {
    return this.rpc.request(StartGrading, input);
  }

  @RpcRoute('POST', ':id/grades', GradeRound, { access: ['dst_admin'], versioned: true })
  grade(@Input() input: RpcInput<typeof GradeRound>) {
    return this.rpc.request(GradeRound, input);
  }

  @RpcRoute('POST', ':id/publication', PublishRound, { access: ['dst_admin'], versioned: true })
  publish(@Input() input: RpcInput<typeof PublishRound>) {
    return this.rpc.request(PublishRound, input);
  }

  @RpcRoute('GET', ':roundId/centers/:centerId', GetAssignment, { access: SIGNED_IN })
  assignment(@Input() input: RpcInput<typeof GetAssignment>) {
    return this.rpc.request(GetAssignment, input);
  }

  @RpcRoute('POST', ':roundId/centers/:centerId/scores', ScoreAssignment, { access: ['evaluator'], versioned: true })
  score(@Input() input: RpcInput<typeof ScoreAssignment>) {
    return this.rpc.request(ScoreAssignment, input);
  }

  @RpcRoute('POST', ':roundId/centers/:centerId/submission', SubmitAssignment, {
    access: ['evaluator'],
    versioned: true,
  })
  submit(@Input() input: RpcInput<typeof SubmitAssignment>) {
    return this.rpc.request(SubmitAssignment, input);
  }

  @RpcRoute('POST', ':roundId/centers/:centerId/decline', DeclineAssignment, {
    access: ['supporting_unit'],
    versioned: true,
  })
  decline(@Input() input: RpcInput<typeof DeclineAssignment>) {
    return this.rpc.request(DeclineAssignment, input);
  }
}
