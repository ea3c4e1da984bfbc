import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  type AllocationDto,
  CloseAllocationYear,
  FundingRated,
  FundingSelfEvaluated,
  FundingYearClosed,
  RateAllocation,
  SelfEvaluateAllocation,
} from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import { targetMet } from '@tic/domain';
import {
  assertVersion,
  type Caller,
  type CommandScope,
  DirectoryCenter,
  type In,
  nextEventVersion,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { FUNDING_REFUSALS } from '../shared/funding.refusals';
import { allocate, ALLOCATION_AGGREGATE } from './allocate';
import { MidyearCheck } from './midyear-check';
import { Allocation } from './allocation.entity';
import { allocationBalances, allocationTotals, toAllocationDto } from './allocation-view';

/** The last fiscal year an allocation may have (the contracts' fiscalYear maximum). */
const LAST_FISCAL_YEAR = 2100;

const STATUS_NAMES: Record<string, string> = { active: '执行中', suspended: '已暂停使用', closed: '已年终结算' };

/** A34, A35: DST closes an allocation's year and rates it; the supporting unit reports its self-evaluation. */
@Injectable()
export class AllocationDecisionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly midyear: MidyearCheck,
  ) {}

  closeYear(input: In<typeof CloseAllocationYear>, caller: Caller): Promise<AllocationDto> {
    return this.command(CloseAllocationYear, input, caller, 'allocation.close_year', async (scope, row) => {
      if (row.status === 'closed') throw refuse(FUNDING_REFUSALS.already_closed);
      const { remainingFen } = allocationTotals(row);
      const today = this.clock.today();
      let carriedOverTo: string | null = null;
      if (input.decision === 'carry_over') {
        if (row.status === 'suspended') {
          throw refuse(
            FUNDING_REFUSALS.carry_over_while_suspended,
            {},
            { errors: [{ path: 'decision', message: 'suspended: return the balance instead' }] },
          );
        }
        if (remainingFen <= 0) throw refuse(FUNDING_REFUSALS.nothing_to_carry_over);
        if (row.fiscalYear + 1 > LAST_FISCAL_YEAR) {
          throw refuse(
            FUNDING_REFUSALS.carry_over_beyond_range,
            { fiscalYear: row.fiscalYear, nextYear: row.fiscalYear + 1 },
            { errors: [{ path: 'decision', message: `no fiscal year after ${LAST_FISCAL_YEAR}` }] },
          );
        }
        const center = await scope.em.findOneOrFail(DirectoryCenter, { id: row.centerId });
        const next = allocate(scope, {
          center,
          fiscalYear: row.fiscalYear + 1,
          purpose: `${row.purpose}（${row.fiscalYear}年度结余结转）`,
          budget: allocationBalances(row)
            .filter((b) => b.remainingFen > 0)
            .map((b) => ({ category: b.category, amountFen: b.remainingFen })),
          targets: row.targets.map((t) => ({
            tier: t.tier,
            dimension: t.dimension,
            indicator: t.indicator,
            unit: t.unit,
            targetValue: t.targetValue,
            direction: t.direction,
          })),
          proposalId: null,
          carriedOverFrom: row.id,
          createdBy: caller.name,
          allocatedOn: today,
        });
        await this.midyear.schedule(scope.em, next);
        carriedOverTo = next.id;
      }
      await this.midyear.cancel(scope.em, row.id);
      row.status = 'closed';
      row.yearEnd = {
        decision: input.decision,
        balanceFen: remainingFen,
        reason: input.reason,
        decidedOn: today,
        carriedOverTo,
      };
      scope.history(row, {
        aggregateType: ALLOCATION_AGGREGATE,
        action: 'close_year',
        to: 'closed',
        comment: input.reason,
        article: '第三十四条',
      });
      scope.record(FundingYearClosed, {
        subject: row.id,
        aggregateVersion: nextEventVersion(row),
        data: {
          allocationId: row.id,
          centerId: row.centerId,
          fiscalYear: row.fiscalYear,
          decision: input.decision,
          balanceFen: remainingFen,
          carriedOverTo,
          decidedOn: today,
        },
      });
    });
  }

  selfEvaluate(input: In<typeof SelfEvaluateAllocation>, caller: Caller): Promise<AllocationDto> {
    return this.command(SelfEvaluateAllocation, input, caller, 'allocation.self_evaluate', (scope, row) => {
      if (row.selfEvaluatedOn !== null) throw refuse(FUNDING_REFUSALS.already_self_evaluated);
      if (row.status !== 'closed') {
        throw refuse(
          FUNDING_REFUSALS.not_closed_for_self_evaluation,
          { status: row.status, statusZh: STATUS_NAMES[row.status] ?? row.status },
          { errors: [{ path: 'status', message: `${row.status}: close the year first` }] },
        );
      }
      const byId = new Map(row.targets.map((t) => [t.id, t]));
      const reported = new Set<string>();
      input.targets.forEach((answer, i) => {
        if (!byId.has(answer.targetId) || reported.has(answer.targetId)) {
          throw refuse(
            FUNDING_REFUSALS.targets_incomplete,
            {},
            {
              errors: [
                {
                  path: `targets[${i}].targetId`,
                  message: byId.has(answer.targetId) ? 'reported twice' : 'not a target of the allocation',
                },
              ],
            },
          );
        }
        reported.add(answer.targetId);
      });
      const missing = row.targets.filter((t) => !reported.has(t.id));
      if (missing.length > 0) {
        throw refuse(
          FUNDING_REFUSALS.targets_incomplete,
          {},
          {
            errors: missing.map((t) => ({ path: 'targets', message: `target ${t.id} (${t.indicator}) not reported` })),
          },
        );
      }
      const answers = new Map(input.targets.map((answer) => [answer.targetId, answer]));
      input.targets.forEach((answer, i) => {
        const target = byId.get(answer.targetId);
        if (target === undefined) return;
        const met = targetMet(target.direction, target.targetValue, answer.achievedValue);
        if (!met && answer.shortfallReason === undefined) {
          throw refuse(
            FUNDING_REFUSALS.shortfall_reason_required,
            {},
            { errors: [{ path: `targets[${i}].shortfallReason`, message: 'required: the target was not met' }] },
          );
        }
      });
      row.targets = row.targets.map((target) => {
        const answer = answers.get(target.id);
        if (answer === undefined) return target;
        return {
          ...target,
          achievedValue: answer.achievedValue,
          shortfallReason: answer.shortfallReason ?? null,
          met: targetMet(target.direction, target.targetValue, answer.achievedValue),
        };
      });
      const today = this.clock.today();
      row.selfEvaluatedOn = today;
      scope.history(row, { aggregateType: ALLOCATION_AGGREGATE, action: 'self_evaluate', article: '第三十五条' });
      scope.record(FundingSelfEvaluated, {
        subject: row.id,
        aggregateVersion: nextEventVersion(row),
        data: {
          allocationId: row.id,
          centerId: row.centerId,
          fiscalYear: row.fiscalYear,
          targetsMet: row.targets.filter((t) => t.met === true).length,
          targetsTotal: row.targets.length,
          selfEvaluatedOn: today,
        },
      });
    });
  }

  rate(input: In<typeof RateAllocation>, caller: Caller): Promise<AllocationDto> {
    return this.command(RateAllocation, input, caller, 'allocation.rate', (scope, row) => {
      if (row.selfEvaluatedOn === null) throw refuse(FUNDING_REFUSALS.not_self_evaluated);
      if (row.rating !== null) throw refuse(FUNDING_REFUSALS.already_rated);
      const today = this.clock.today();
      row.rating = { rating: input.rating, comment: input.comment, ratedOn: today };
      scope.history(row, {
        aggregateType: ALLOCATION_AGGREGATE,
        action: 'rate',
        comment: `${input.rating}: ${input.comment}`,
        article: '第三十五条',
      });
      scope.record(FundingRated, {
        subject: row.id,
        aggregateVersion: nextEventVersion(row),
        data: {
          allocationId: row.id,
          centerId: row.centerId,
          fiscalYear: row.fiscalYear,
          rating: input.rating,
          ratedOn: today,
        },
      });
    });
  }

  /** One command on an allocation the caller sees, at the version it read, that its role may take. */
  private command(
    operation: typeof CloseAllocationYear | typeof SelfEvaluateAllocation | typeof RateAllocation,
    input: { readonly allocationId: string; readonly version: number },
    caller: Caller,
    action: 'allocation.close_year' | 'allocation.self_evaluate' | 'allocation.rate',
    work: (scope: CommandScope, row: Allocation) => Promise<void> | void,
  ): Promise<AllocationDto> {
    return this.uow.run(
      operation,
      input,
      async (scope) => {
        const rows = scope.em.getRepository(Allocation);
        const row = await rows.findVisibleForUpdate(input.allocationId, caller);
        requireAccess(caller, action, await rows.facts(row));
        assertVersion(input.version, row.version);
        await work(scope, row);
        return row.id;
      },
      (em) => this.reload(em, input.allocationId),
    );
  }

  private async reload(em: EntityManager, id: string): Promise<AllocationDto> {
    const row = await em.findOneOrFail(Allocation, { id }, { refresh: true });
    return toAllocationDto(row, await em.findOne(DirectoryCenter, { id: row.centerId }));
  }
}
