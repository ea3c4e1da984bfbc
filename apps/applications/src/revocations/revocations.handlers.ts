import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';

import {
  AnswerRevocation,
  ConfirmRevocation,
  DecideRevocation,
  DismissRevocation,
  EndPreparation,
  FileRevocation,
  GetRevocation,
  GiveUpCenter,
  GraduateCenter,
  ListRevocations,
  OpenRevocation,
  SetRevocationAnswerBy,
} from '@tic/contracts';
import { type Caller, CurrentCaller, type In, RpcHandler } from '@tic/platform';

import { CenterStandingService } from '../centers/center-standing.service';
import { RevocationDecisionsService } from './revocation-decisions.service';
import { RevocationsService } from './revocations.service';

/** NATS handlers of a center's standing: revocation cases (A31), graduation (A33), end of preparation (A12). */
@Controller()
export class RevocationsHandlers {
  constructor(
    private readonly cases: RevocationsService,
    private readonly decisions: RevocationDecisionsService,
    private readonly standing: CenterStandingService,
  ) {}

  @RpcHandler(ListRevocations)
  list(@Payload() input: In<typeof ListRevocations>, @CurrentCaller() caller: Caller) {
    return this.cases.list(input, caller);
  }

  @RpcHandler(GetRevocation)
  get(@Payload() input: In<typeof GetRevocation>, @CurrentCaller() caller: Caller) {
    return this.cases.get(input.id, caller);
  }

  @RpcHandler(OpenRevocation)
  open(@Payload() input: In<typeof OpenRevocation>, @CurrentCaller() caller: Caller) {
    return this.cases.open(input, caller);
  }

  @RpcHandler(GiveUpCenter)
  giveUp(@Payload() input: In<typeof GiveUpCenter>, @CurrentCaller() caller: Caller) {
    return this.cases.giveUp(input, caller);
  }

  @RpcHandler(SetRevocationAnswerBy)
  setAnswerBy(@Payload() input: In<typeof SetRevocationAnswerBy>, @CurrentCaller() caller: Caller) {
    return this.cases.setAnswerBy(input, caller);
  }

  @RpcHandler(AnswerRevocation)
  answer(@Payload() input: In<typeof AnswerRevocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.answer(input, caller);
  }

  @RpcHandler(ConfirmRevocation)
  confirm(@Payload() input: In<typeof ConfirmRevocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.confirm(input, caller);
  }

  @RpcHandler(DismissRevocation)
  dismiss(@Payload() input: In<typeof DismissRevocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.dismiss(input, caller);
  }

  @RpcHandler(DecideRevocation)
  decide(@Payload() input: In<typeof DecideRevocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.decide(input, caller);
  }

  @RpcHandler(FileRevocation)
  file(@Payload() input: In<typeof FileRevocation>, @CurrentCaller() caller: Caller) {
    return this.decisions.file(input, caller);
  }

  @RpcHandler(GraduateCenter)
  graduate(@Payload() input: In<typeof GraduateCenter>, @CurrentCaller() caller: Caller) {
    return this.standing.graduate(input, caller);
  }

  @RpcHandler(EndPreparation)
  endPreparation(@Payload() input: In<typeof EndPreparation>, @CurrentCaller() caller: Caller) {
    return this.standing.endPreparation(input, caller);
  }
}
