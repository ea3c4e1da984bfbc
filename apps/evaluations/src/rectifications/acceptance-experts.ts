import { Injectable } from '@nestjs/common';

import { DrawExpertsForAcceptance, type RpcResponse } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

/**
 * A30: the acceptance experts come from the applications service's pool with the application review's
 * 回避 (tic.rpc.applications.experts.draw_for_acceptance, asked as the DST user who draws them).
 */
@Injectable()
export class AcceptanceExperts {
  constructor(private readonly rpc: RpcClient) {}

  draw(
    centerId: string,
    rectificationId: string,
    count: number,
  ): Promise<RpcResponse<typeof DrawExpertsForAcceptance>> {
    return this.rpc.request(DrawExpertsForAcceptance, { centerId, rectificationId, count });
  }
}
