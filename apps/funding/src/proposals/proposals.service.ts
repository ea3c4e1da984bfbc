import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  DeclinePolicySupportProposal,
  FundingProposalDeclined,
  type ListPolicySupportProposals,
  type PolicySupportProposalDto,
} from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import {
  type Caller,
  DirectoryCenter,
  type In,
  nextEventVersion,
  pageOf,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { FUNDING_REFUSALS, PROPOSAL_STATUS_ZH } from '../shared/funding.refusals';
import { PolicySupportProposal } from './policy-support-proposal.entity';

/** A30, A33: DST's queue of policy-support proposals, oldest open first. */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(input: In<typeof ListPolicySupportProposals>, caller: Caller) {
    const em = this.entityManager.fork();
    const rows = em.getRepository(PolicySupportProposal);
    const scope = await rows.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const conditions: FilterQuery<PolicySupportProposal>[] = [scope];
    if (input.status) conditions.push({ status: input.status });
    if (input.centerId) conditions.push({ centerId: input.centerId });
    if (input.cursor) conditions.push({ id: { $gt: input.cursor } });
    const found = await rows.find({ $and: conditions }, { orderBy: { id: 'asc' }, limit: input.limit + 1 });
    const centers = await em.find(DirectoryCenter, { id: { $in: found.map((p) => p.centerId) } });
    const names = new Map(centers.map((c) => [c.id, c.nameZh]));
    return pageOf(
      found,
      input.limit,
      (row) => row.id,
      (row) => toProposalDto(row, names.get(row.centerId) ?? ''),
    );
  }

  decline(input: In<typeof DeclinePolicySupportProposal>, caller: Caller): Promise<PolicySupportProposalDto> {
    return this.uow.run(
      DeclinePolicySupportProposal,
      input,
      async (scope) => {
        const rows = scope.em.getRepository(PolicySupportProposal);
        const row = await rows.findVisibleForUpdate(input.proposalId, caller);
        requireAccess(caller, 'funding_proposal.decide', await rows.facts(row));
        if (row.status !== 'proposed') {
          throw refuse(FUNDING_REFUSALS.proposal_already_decided, {
            status: row.status,
            statusZh: PROPOSAL_STATUS_ZH[row.status] ?? row.status,
          });
        }
        const today = this.clock.today();
        row.status = 'declined';
        row.declineReason = input.reason;
        row.decidedOn = today;
        scope.record(FundingProposalDeclined, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: {
            proposalId: row.id,
            evaluationId: row.evaluationId,
            centerId: row.centerId,
            reason: input.reason,
            declinedOn: today,
          },
        });
        return row;
      },
      async (em, row) => {
        const center = await em.findOne(DirectoryCenter, { id: row.centerId });
        return toProposalDto(row, center?.nameZh ?? '');
      },
    );
  }
}

export function toProposalDto(row: PolicySupportProposal, centerName: string): PolicySupportProposalDto {
  return {
    id: row.id,
    evaluationId: row.evaluationId,
    roundId: row.roundId,
    centerId: row.centerId,
    centerName,
    score: row.score,
    proposedOn: row.proposedOn,
    status: row.status,
    allocationId: row.allocationId,
    declineReason: row.declineReason,
    decidedOn: row.decidedOn,
  };
}
