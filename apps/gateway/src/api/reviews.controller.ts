import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { DeclareConflict, DrawExperts, GetReview, ScoreApplication } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { RpcRoute } from '../routing/route.decorator';
import type { RpcInput } from './rpc-input';

const byApplication = { id: 'applicationId' } as const;

@ApiTags('expert review')
@Controller('applications')
export class ReviewsController {
  constructor(private readonly rpc: RpcClient) {}

  @RpcRoute('POST', ':id/review/draw', DrawExperts, {
    access: ['dst_admin'],
    status: 201,
    idempotent: true,
    params: byApplication,
  })
  draw(@Input() input: RpcInput<typeof DrawExperts>) {
    return this.rpc.request(DrawExperts, input);
  }

  @RpcRoute('GET', ':id/review', GetReview, { access: ['dst_admin', 'expert'], params: byApplication })
  get(@Input() input: RpcInput<typeof GetReview>) {
    return this.rpc.request(GetReview, input);
  }

  @RpcRoute('POST', ':id/review/score', ScoreApplication, { access: ['expert'], params: byApplication })
  score(@Input() input: RpcInput<typeof ScoreApplication>) {
    return this.rpc.request(ScoreApplication, input);
  }

  @RpcRoute('POST', ':id/review/recusal', DeclareConflict, { access: ['expert'], params: byApplication })
  recuse(@Input() input: RpcInput<typeof DeclareConflict>) {
    return this.rpc.request(DeclareConflict, input);
  }
}
