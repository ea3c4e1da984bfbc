import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import {
  DecideRectification,
  DrawAcceptanceExperts,
  type RectificationDto,
  RectificationAccepted,
  ScoreRectification,
} from '@tic/contracts';
import { rectificationLifecycle } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  type In,
  nextEventVersion,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { AcceptanceExperts } from './acceptance-experts';
import { Rectification } from './rectification.entity';
import { RECTIFICATION_AGGREGATE, toRectificationDto } from './rectification-view';
import { RECTIFICATION_REFUSALS } from './rectifications.refusals';

/**
 * A30: DST's expert acceptance: DST draws the experts (回避 as in the application review), each drawn
 * expert scores with an opinion, DST decides passed or failed with its reasons (no pass mark is
 * inferred), and tic.rectification.accepted tells the registry (a failed one opens ground A31(二)).
 */
@Injectable()
export class RectificationAcceptanceService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly experts: AcceptanceExperts,
  ) {}

  async draw(input: In<typeof DrawAcceptanceExperts>, caller: Caller): Promise<RectificationDto> {
    // Checked before asking the other service, so that no draw is made for a refused call.
    const rows = this.entityManager.fork().getRepository(Rectification);
    const seen = await rows.findVisible(input.id, caller);
    requireAccess(caller, 'rectification.draw_experts', await rows.facts(seen));
    assertVersion(input.version, seen.version);
    assertDrawable(seen);
    const drawn = await this.experts.draw(seen.centerId, seen.id, input.count);
    return this.uow.run(
      DrawAcceptanceExperts,
      input,
      async (scope) => {
        const row = await scope.em.getRepository(Rectification).findVisibleForUpdate(input.id, caller);
        assertVersion(input.version, row.version);
        assertDrawable(row);
        row.drawSeed = drawn.seed;
        row.drawPool = [...drawn.pool];
        row.drawnOn = this.clock.today();
        row.experts = drawn.experts.map((e) => ({ ...e, score: null, opinion: null, scoredAt: null }));
        row.expertUserIds = drawn.experts.map((e) => e.userId);
        scope.history(row, {
          aggregateType: RECTIFICATION_AGGREGATE,
          action: 'draw_experts',
          from: row.status,
          to: row.status,
          // The count only: the units read the history, and the experts stay hidden from them.
          comment: `抽取专家${drawn.experts.length}名`,
          article: '第三十条',
        });
      },
      (em) => this.view(em, input.id, caller),
    );
  }

  score(input: In<typeof ScoreRectification>, caller: Caller): Promise<RectificationDto> {
    return this.uow.run(
      ScoreRectification,
      input,
      async (scope) => {
        const rows = scope.em.getRepository(Rectification);
        const row = await rows.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'rectification.score', await rows.facts(row));
        if (row.status !== 'expert_acceptance') throw refuse(RECTIFICATION_REFUSALS.not_in_expert_acceptance);
        const mine = row.experts.find((e) => e.userId === caller.userId);
        if (mine === undefined) throw refuse(RECTIFICATION_REFUSALS.not_drawn);
        if (mine.score !== null) throw refuse(RECTIFICATION_REFUSALS.already_scored);
        // A new array, so that the ORM sees the jsonb column change.
        row.experts = row.experts.map((e) =>
          e === mine
            ? { ...e, score: input.score, opinion: input.opinion, scoredAt: this.clock.now().toISOString() }
            : e,
        );
        scope.history(row, {
          aggregateType: RECTIFICATION_AGGREGATE,
          action: 'score',
          from: row.status,
          to: row.status,
          comment: `${input.score}：${input.opinion}`,
          article: '第三十条',
        });
      },
      (em) => this.view(em, input.id, caller),
    );
  }

  decide(input: In<typeof DecideRectification>, caller: Caller): Promise<RectificationDto> {
    return this.uow.run(
      DecideRectification,
      input,
      async (scope) => {
        const rows = scope.em.getRepository(Rectification);
        const row = await rows.findVisibleForUpdate(input.id, caller);
        requireAccess(caller, 'rectification.decide', await rows.facts(row));
        assertVersion(input.version, row.version);
        if (row.status !== 'expert_acceptance') throw refuse(RECTIFICATION_REFUSALS.not_in_expert_acceptance);
        if (row.drawnOn === null) throw refuse(RECTIFICATION_REFUSALS.not_drawn);
        const missing = row.experts.filter((e) => e.score === null).length;
        if (missing > 0) throw refuse(RECTIFICATION_REFUSALS.scores_missing, { missing });
        const decision = scope.decide(
          rectificationLifecycle.decide(row.status, input.passed ? 'accept' : 'reject', caller.role, {
            expertScores: row.experts.map((e) => e.score ?? Number.NaN),
            reason: input.reason,
          }),
        );
        const from = row.status;
        const today = this.clock.today();
        row.status = decision.to;
        row.passed = input.passed;
        row.decisionReason = input.reason;
        row.decidedOn = today;
        scope.history(row, {
          aggregateType: RECTIFICATION_AGGREGATE,
          action: input.passed ? 'accept' : 'reject',
          from,
          to: row.status,
          findings: decision.findings,
          comment: input.reason,
          article: decision.article,
        });
        scope.record(RectificationAccepted, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: { rectificationId: row.id, centerId: row.centerId, acceptedOn: today, passed: input.passed },
        });
      },
      (em) => this.view(em, input.id, caller),
    );
  }

  private async view(em: EntityManager, id: string, caller: Caller): Promise<RectificationDto> {
    return toRectificationDto(em, await em.getRepository(Rectification).findVisible(id, caller), caller);
  }
}

function assertDrawable(row: Rectification): void {
  if (row.status !== 'expert_acceptance') throw refuse(RECTIFICATION_REFUSALS.not_in_expert_acceptance);
  if (row.drawnOn !== null) throw refuse(RECTIFICATION_REFUSALS.already_drawn);
}
