import { Injectable } from '@nestjs/common';

import { GetCommittee } from '@tic/contracts';
import { RpcClient, RpcFailure } from '@tic/platform';

// What the personnel service answers when it holds no such committee for the caller: no review, then.
const NO_COMMITTEE = new Set(['not_found', 'conflict', 'forbidden']);

/**
 * A26 经管理委员会论证: asks the personnel registry (tic.rpc.personnel.committees.get, as the caller who
 * passes the report, so that it sees no more than that caller would) whether the center's management
 * committee met, or reviewed in writing, on a day.
 */
@Injectable()
export class CommitteeReviews {
  constructor(private readonly rpc: RpcClient) {}

  /** Whether the registry holds a meeting or written review of the center's management committee on `day`. */
  async recordedOn(centerId: string, day: string): Promise<boolean> {
    try {
      const committee = await this.rpc.request(GetCommittee, { centerId, kind: 'management' });
      return committee.meetings.some((meeting) => meeting.heldOn === day);
    } catch (error) {
      if (error instanceof RpcFailure && NO_COMMITTEE.has(error.error.code)) return false;
      throw error;
    }
  }
}
