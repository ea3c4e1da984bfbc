import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  FundingMisuseFound,
  type ListMisuseFindings,
  type MisuseFindingDto,
  RecordMisuseFinding,
} from '@tic/contracts';
import {
  type Caller,
  type In,
  newId,
  nextEventVersion,
  pageOf,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { Allocation } from '../allocations/allocation.entity';
import { ALLOCATION_AGGREGATE } from '../allocations/allocate';
import { FUNDING_REFUSALS } from '../shared/funding.refusals';
import { MisuseFinding } from './misuse-finding.entity';

/** A36: DST's findings of misused provincial funds; a finding may suspend the allocation and propose revocation. */
@Injectable()
export class MisuseService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  record(input: In<typeof RecordMisuseFinding>, caller: Caller): Promise<MisuseFindingDto> {
    return this.uow.run(RecordMisuseFinding, input, async (scope) => {
      const { em } = scope;
      const allocations = em.getRepository(Allocation);
      const allocation = await allocations.findVisibleForUpdate(input.allocationId, caller, 'misuse_finding');
      requireAccess(caller, 'misuse_finding.record', await allocations.factsAs('misuse_finding', allocation));
      if (input.recoverFen > input.amountFen) {
        throw refuse(
          FUNDING_REFUSALS.recover_beyond_amount,
          {},
          { errors: [{ path: 'recoverFen', message: 'more than the amount misused' }] },
        );
      }
      const finding = em.create(MisuseFinding, {
        id: newId(),
        allocationId: allocation.id,
        centerId: allocation.centerId,
        kind: input.kind,
        amountFen: input.amountFen,
        description: input.description,
        foundOn: input.foundOn,
        recoverFen: input.recoverFen,
        suspendAllocation: input.suspendAllocation,
        revocationProposed: input.proposeRevocation,
        recordedBy: caller.name,
      });
      em.persist(finding);
      if (input.suspendAllocation && allocation.status === 'active') {
        allocation.status = 'suspended';
        scope.history(allocation, {
          aggregateType: ALLOCATION_AGGREGATE,
          action: 'suspend',
          from: 'active',
          to: 'suspended',
          comment: input.description,
          article: '第三十六条',
        });
      }
      scope.record(FundingMisuseFound, {
        subject: allocation.id,
        aggregateVersion: nextEventVersion(allocation),
        data: {
          findingId: finding.id,
          allocationId: allocation.id,
          centerId: allocation.centerId,
          kind: input.kind,
          amountFen: input.amountFen,
          recoverFen: input.recoverFen,
          suspendAllocation: input.suspendAllocation,
          revocationProposed: input.proposeRevocation,
          foundOn: input.foundOn,
        },
      });
      return toFindingDto(finding);
    });
  }

  async list(input: In<typeof ListMisuseFindings>, caller: Caller) {
    const em = this.entityManager.fork();
    const rows = em.getRepository(MisuseFinding);
    const scope = await rows.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const conditions: FilterQuery<MisuseFinding>[] = [scope];
    if (input.centerId) conditions.push({ centerId: input.centerId });
    if (input.allocationId) conditions.push({ allocationId: input.allocationId });
    if (input.cursor) conditions.push({ id: { $lt: input.cursor } });
    const found = await rows.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: input.limit + 1 });
    return pageOf(found, input.limit, (row) => row.id, toFindingDto);
  }
}

export function toFindingDto(row: MisuseFinding): MisuseFindingDto {
  return {
    id: row.id,
    allocationId: row.allocationId,
    centerId: row.centerId,
    kind: row.kind,
    amountFen: row.amountFen,
    description: row.description,
    foundOn: row.foundOn,
    recoverFen: row.recoverFen,
    suspendAllocation: row.suspendAllocation,
    revocationProposed: row.revocationProposed,
    recordedBy: row.recordedBy,
    recordedAt: row.createdAt.toISOString(),
  };
}
