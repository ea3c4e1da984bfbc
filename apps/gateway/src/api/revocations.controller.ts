import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import {
  AnswerRevocation,
  ConfirmRevocation,
  DecideRevocation,
  DismissRevocation,
  FileRevocation,
  GetRevocation,
  ListRevocations,
  OpenRevocation,
  SetRevocationAnswerBy,
} from '@tic/contracts';
import type { Role } from '@tic/domain';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

/** DOMAIN.md §1: a case is read by whoever reads its center (DST, the committee office, the center's units). */
export const REVOCATION_READERS: readonly Role[] = [
  'dst_admin',
  'committee_office',
  'recommender',
  'supporting_unit',
  'co_builder',
  'construction_unit',
];

/** A31: revocation cases: opened, answered, confirmed or dismissed, decided and filed. */
@ApiTags('revocation')
@Controller('revocations')
export class RevocationsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('GET', '', ListRevocations, { access: REVOCATION_READERS })
  list(@Input() input: RpcInput<typeof ListRevocations>) {
    return this.rpc.request(ListRevocations, input);
  }

  @RpcRoute('GET', ':id', GetRevocation, { access: REVOCATION_READERS })
  get(@Input() input: RpcInput<typeof GetRevocation>) {
    return this.rpc.request(GetRevocation, input);
  }

  @RpcRoute('POST', '', OpenRevocation, { access: ['dst_admin'], status: 201, idempotent: true })
  open(@Input() input: RpcInput<typeof OpenRevocation>) {
    return this.rpc.request(OpenRevocation, input);
  }

  @RpcRoute('POST', ':id/answer-period', SetRevocationAnswerBy, { access: ['dst_admin'], versioned: true })
  setAnswerBy(@Input() input: RpcInput<typeof SetRevocationAnswerBy>) {
    return this.rpc.request(SetRevocationAnswerBy, input);
  }

  @RpcRoute('POST', ':id/answer', AnswerRevocation, { access: ['supporting_unit'], versioned: true })
  answer(@Input() input: RpcInput<typeof AnswerRevocation>) {
    return this.rpc.request(AnswerRevocation, input);
  }

  @RpcRoute('POST', ':id/confirm', ConfirmRevocation, { access: ['dst_admin'], versioned: true })
  confirm(@Input() input: RpcInput<typeof ConfirmRevocation>) {
    return this.rpc.request(ConfirmRevocation, input);
  }

  @RpcRoute('POST', ':id/dismiss', DismissRevocation, { access: ['dst_admin'], versioned: true })
  dismiss(@Input() input: RpcInput<typeof DismissRevocation>) {
    return this.rpc.request(DismissRevocation, input);
  }

  @RpcRoute('POST', ':id/decide', DecideRevocation, { access: ['dst_admin'], versioned: true })
  decide(@Input() input: RpcInput<typeof DecideRevocation>) {
    return this.rpc.request(DecideRevocation, input);
  }

  @RpcRoute('POST', ':id/filing', FileRevocation, { access: ['dst_admin'], versioned: true })
  file(@Input() input: RpcInput<typeof FileRevocation>) {
    return this.rpc.request(FileRevocation, input);
  }
}
