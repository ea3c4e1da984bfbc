import { Injectable } from '@nestjs/common';

import { GetCommittee } from '@tic/contracts';
import type { AnnualReportStatistics } from '@tic/domain';
import { RpcClient, RpcFailure } from '@tic/platform';

// What the personnel service answers when it holds no such committee for the caller: no meeting, then.
const NO_COMMITTEE = new Set(['not_found', 'conflict', 'forbidden']);

type MeetingCounts = Pick<AnnualReportStatistics, 'managementCommitteeMeetings' | 'advisoryCommitteeMeetings'>;

/**
 * A16, A17: the committee meetings of a report year are read from the personnel registry
 * (tic.rpc.personnel.committees.get, as the caller who submits, so that it sees no more than that caller
 * would), not retyped; a count the construction unit gave itself stands.
 */
@Injectable()
export class CommitteeMeetings {
  constructor(private readonly rpc: RpcClient) {}

  /** The counts the table lacks, from the registry; none when it gives both. */
  async missingCounts(centerId: string, year: number, given: MeetingCounts): Promise<MeetingCounts> {
    return {
      ...(given.managementCommitteeMeetings === undefined
        ? { managementCommitteeMeetings: await this.heldIn(centerId, 'management', year) }
        : {}),
      ...(given.advisoryCommitteeMeetings === undefined
        ? { advisoryCommitteeMeetings: await this.heldIn(centerId, 'advisory', year) }
        : {}),
    };
  }

  // A16, A17 count meetings; a written review (书面审议) is not one.
  private async heldIn(centerId: string, kind: 'management' | 'advisory', year: number): Promise<number> {
    try {
      const committee = await this.rpc.request(GetCommittee, { centerId, kind });
      return committee.meetings.filter((m) => m.form === 'meeting' && m.heldOn.startsWith(`${year}-`)).length;
    } catch (error) {
      if (error instanceof RpcFailure && NO_COMMITTEE.has(error.error.code)) return 0;
      throw error;
    }
  }
}
