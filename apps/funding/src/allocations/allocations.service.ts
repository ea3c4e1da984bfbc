import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AllocationDto, CreateAllocation, type ListAllocations, MAX_FEN } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import { dimensionBelongsToTier, fenToYuan } from '@tic/domain';
import { type Caller, DirectoryCenter, type In, pageOf, refuse, requireAccess, UnitOfWork } from '@tic/platform';

import { PolicySupportProposal } from '../proposals/policy-support-proposal.entity';
import { centersInCity } from '../shared/center-scoped.repository';
import { FUNDING_REFUSALS, PROPOSAL_STATUS_ZH } from '../shared/funding.refusals';
import { centerSources } from '../sources/sources.service';
import { allocate } from './allocate';
import { MidyearCheck } from './midyear-check';
import { Allocation } from './allocation.entity';
import { toAllocationDto } from './allocation-view';

/** A33–A35: DST's allocations of provincial funds, their year end, self-evaluation and rating. */
@Injectable()
export class AllocationsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly midyear: MidyearCheck,
  ) {}

  async get(id: string, caller: Caller): Promise<AllocationDto> {
    const em = this.entityManager.fork();
    return this.view(em, await em.getRepository(Allocation).findVisible(id, caller));
  }

  async list(input: In<typeof ListAllocations>, caller: Caller) {
    const em = this.entityManager.fork();
    const rows = em.getRepository(Allocation);
    const scope = await rows.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const conditions: FilterQuery<Allocation>[] = [scope];
    if (input.centerId) conditions.push({ centerId: input.centerId });
    if (input.city) conditions.push({ centerId: { $in: await centersInCity(em, input.city) } });
    if (input.fiscalYear) conditions.push({ fiscalYear: input.fiscalYear });
    if (input.status) conditions.push({ status: input.status });
    if (input.cursor) conditions.push({ id: { $lt: input.cursor } });
    const found = await rows.find({ $and: conditions }, { orderBy: { id: 'desc' }, limit: input.limit + 1 });
    const centers = await this.centers(em, found);
    return pageOf(
      found,
      input.limit,
      (row) => row.id,
      (row) => toAllocationDto(row, centers.get(row.centerId) ?? null),
    );
  }

  create(input: In<typeof CreateAllocation>, caller: Caller): Promise<AllocationDto> {
    return this.uow.run(
      CreateAllocation,
      input,
      async (scope) => {
        const { em } = scope;
        requireAccess(caller, 'allocation.create', { kind: 'allocation' });
        const center = await em.findOne(DirectoryCenter, { id: input.centerId });
        if (center === null) {
          throw refuse(
            FUNDING_REFUSALS.center_unknown,
            { centerId: input.centerId },
            { errors: [{ path: 'centerId', message: 'no such center' }] },
          );
        }
        const seen = new Set<string>();
        input.budget.forEach((line, i) => {
          if (seen.has(line.category)) {
            throw refuse(
              FUNDING_REFUSALS.budget_category_repeated,
              { category: line.category },
              { errors: [{ path: `budget[${i}].category`, message: 'repeated' }] },
            );
          }
          seen.add(line.category);
        });
        input.targets.forEach((target, i) => {
          if (!dimensionBelongsToTier(target.tier, target.dimension)) {
            throw refuse(
              FUNDING_REFUSALS.dimension_not_in_tier,
              { tier: target.tier, dimension: target.dimension },
              { errors: [{ path: `targets[${i}].dimension`, message: `not a dimension of ${target.tier}` }] },
            );
          }
        });
        let proposal: PolicySupportProposal | null = null;
        if (input.proposalId !== undefined) {
          proposal = await em.getRepository(PolicySupportProposal).findForUpdate(input.proposalId);
          if (proposal === null) {
            throw refuse(
              FUNDING_REFUSALS.proposal_unknown,
              {},
              { errors: [{ path: 'proposalId', message: 'unknown' }] },
            );
          }
          if (proposal.centerId !== center.id) {
            throw refuse(
              FUNDING_REFUSALS.proposal_of_another_center,
              {},
              { errors: [{ path: 'proposalId', message: 'another center' }] },
            );
          }
          if (proposal.status !== 'proposed') {
            throw refuse(FUNDING_REFUSALS.proposal_already_decided, {
              status: proposal.status,
              statusZh: PROPOSAL_STATUS_ZH[proposal.status] ?? proposal.status,
            });
          }
        }
        const sources = await centerSources(em, center.id, input.fiscalYear);
        const budgetFen = input.budget.reduce((sum, line) => sum + line.amountFen, 0);
        if (sources.totalFen + budgetFen > MAX_FEN) {
          throw refuse(
            FUNDING_REFUSALS.total_too_large,
            { field: 'budget', max: fenToYuan(MAX_FEN) },
            {
              article: '第三十三条',
              errors: [{ path: 'budget', message: `the center's sources for the year would exceed ${MAX_FEN} fen` }],
            },
          );
        }
        const today = this.clock.today();
        const row = allocate(scope, {
          center,
          fiscalYear: input.fiscalYear,
          purpose: input.purpose,
          budget: input.budget,
          targets: input.targets,
          proposalId: proposal?.id ?? null,
          carriedOverFrom: null,
          createdBy: caller.name,
          allocatedOn: today,
        });
        await this.midyear.schedule(em, row);
        if (proposal !== null) {
          proposal.status = 'allocated';
          proposal.allocationId = row.id;
          proposal.decidedOn = today;
        }
        return row.id;
      },
      (em, id) => this.reload(em, id),
    );
  }

  private async reload(em: EntityManager, id: string): Promise<AllocationDto> {
    const row = await em.findOneOrFail(Allocation, { id }, { refresh: true });
    return this.view(em, row);
  }

  private async view(em: EntityManager, row: Allocation): Promise<AllocationDto> {
    return toAllocationDto(row, await em.findOne(DirectoryCenter, { id: row.centerId }));
  }

  private async centers(em: EntityManager, rows: readonly Allocation[]): Promise<Map<string, DirectoryCenter>> {
    const centers = await em.find(DirectoryCenter, { id: { $in: [...new Set(rows.map((r) => r.centerId))] } });
    return new Map(centers.map((c) => [c.id, c]));
  }
}
