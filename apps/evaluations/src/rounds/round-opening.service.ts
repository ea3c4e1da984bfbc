import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { OpenRound, type RoundDto } from '@tic/contracts';
import { centersDueForRound, DEFAULT_INDICATOR_SYSTEM, evaluationRoundLifecycle } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import { type Caller, DirectoryCenter, type In, newId, refuse, UnitOfWork } from '@tic/platform';

import { EvaluationRound } from './evaluation-round.entity';
import { requireDst } from './round-access';
import { RoundCenter, type DueBasis } from './round-center.entity';
import { ROUND_AGGREGATE, toRoundDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

/** A28: DST opens a round with the centers due by its closing date, adding or removing some with a reason. */
@Injectable()
export class RoundOpeningService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  open(input: In<typeof OpenRound>, caller: Caller): Promise<RoundDto> {
    requireDst(caller);
    return this.uow.run(
      OpenRound,
      input,
      async (scope) => {
        const { em } = scope;
        const today = this.clock.today();
        if (input.participateBy < today) throw refuse(ROUND_REFUSALS.participate_by_past, { today });
        const due = await this.centersDue(em, input.participateBy);
        const removed = new Set(input.remove.map((r) => r.centerId));
        input.remove.forEach((r, i) => {
          if (!due.has(r.centerId)) throw notInRound(`remove[${i}].centerId`, r.centerId);
        });
        const added = await em.find(DirectoryCenter, { id: { $in: input.add.map((a) => a.centerId) } });
        const addedById = new Map(added.map((c) => [c.id, c]));
        input.add.forEach((a, i) => {
          if (!addedById.has(a.centerId) || due.has(a.centerId)) {
            throw refuse(ROUND_REFUSALS.center_unknown, { path: `add[${i}].centerId`, centerId: a.centerId });
          }
          if (addedById.get(a.centerId)?.closedOn != null) {
            throw refuse(ROUND_REFUSALS.center_closed, { path: `add[${i}].centerId`, centerId: a.centerId });
          }
        });
        const round = em.create(EvaluationRound, {
          id: newId(),
          name: input.name,
          year: input.year,
          participateBy: input.participateBy,
          indicatorSystem: input.indicatorSystem ?? DEFAULT_INDICATOR_SYSTEM,
          thresholds: input.thresholds,
          excellentCapShare: input.excellentCapShare ?? null,
        });
        const entries: { center: DirectoryCenter; basis: DueBasis; reason: string | null }[] = [
          ...[...due.values()].filter((d) => !removed.has(d.center.id)).map((d) => ({ ...d, reason: null })),
          ...input.add.map((a) => ({
            center: addedById.get(a.centerId) as DirectoryCenter,
            basis: 'added' as const,
            reason: a.reason,
          })),
        ];
        const decision = scope.decide(
          evaluationRoundLifecycle.decide('draft', 'open', caller.role, {
            centerCount: entries.length,
            indicatorSystem: round.indicatorSystem,
            thresholds: round.thresholds,
          }),
        );
        round.status = decision.to;
        for (const { center, basis, reason } of entries) {
          em.create(RoundCenter, {
            id: newId(),
            roundId: round.id,
            centerId: center.id,
            centerName: center.nameZh,
            basis,
            addedReason: reason,
          });
        }
        const changes = [
          ...input.add.map((a) => `+${a.centerId}：${a.reason}`),
          ...input.remove.map((r) => `-${r.centerId}：${r.reason}`),
        ];
        scope.history(round, {
          aggregateType: ROUND_AGGREGATE,
          action: 'open',
          from: 'draft',
          to: round.status,
          comment: changes.length === 0 ? null : changes.join('；'),
          article: decision.article,
        });
        return round;
      },
      (em, round) => toRoundDto(em, round, caller),
    );
  }

  /** A28, A12: the directory's open centers due by `closingOn`, from approval or their last published grade. */
  private async centersDue(
    em: EntityManager,
    closingOn: string,
  ): Promise<Map<string, { center: DirectoryCenter; basis: DueBasis }>> {
    const centers = await em.find(DirectoryCenter, { closedOn: null });
    const lastEvaluated = await this.lastEvaluatedOn(em);
    const byId = new Map(centers.map((c) => [c.id, c]));
    const due = centersDueForRound(
      centers.map((c) => ({
        centerId: c.id,
        status: c.status,
        approvedOn: c.establishedOn,
        lastEvaluatedOn: lastEvaluated.get(c.id) ?? null,
      })),
      closingOn,
    );
    return new Map(due.map((d) => [d.centerId, { center: byId.get(d.centerId) as DirectoryCenter, basis: d.basis }]));
  }

  private async lastEvaluatedOn(em: EntityManager): Promise<Map<string, string>> {
    const published = await em.find(EvaluationRound, { status: 'published' }, { fields: ['id', 'publishedOn'] });
    const on = new Map(published.map((r) => [r.id, r.publishedOn ?? '']));
    const graded = await em.find(RoundCenter, { roundId: { $in: [...on.keys()] }, grade: { $ne: null } });
    const last = new Map<string, string>();
    for (const entry of graded) {
      const day = on.get(entry.roundId) ?? '';
      if (day > (last.get(entry.centerId) ?? '')) last.set(entry.centerId, day);
    }
    return last;
  }
}

function notInRound(path: string, centerId: string) {
  return refuse(ROUND_REFUSALS.center_not_in_round, { path, centerId });
}
