import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import {
  DeclineAssignment,
  EvaluationNotParticipated,
  ScoreAssignment,
  SubmitAssignment,
  type AssignmentDto,
} from '@tic/contracts';
import { evaluationAssignmentLifecycle, scoreCenter, type AssignmentAction, type AssignmentContext } from '@tic/domain';
import { Clock, type Deadline, Deadlines } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  type CommandScope,
  DirectoryCenter,
  EventOutbox,
  type In,
  nextEventVersion,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { EvaluationRound } from './evaluation-round.entity';
import { requireSeen, roundEntryFacts } from './round-access';
import { RoundCenter } from './round-center.entity';
import { ASSIGNMENT_AGGREGATE, seesGrading, toAssignmentDto } from './round-view';
import { ROUND_REFUSALS } from './rounds.refusals';

type Ref = { readonly roundId: string; readonly centerId: string };

/** A29: the agency scores and submits; the center's supporting unit declines; a missed deadline is recorded. */
@Injectable()
export class RoundAssignmentsService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
    private readonly outbox: EventOutbox,
  ) {}

  onModuleInit(): void {
    this.deadlines.onFire('D-evaluation-participation', (em, deadline) => this.missed(em, deadline));
  }

  async view(em: EntityManager, ref: Ref, caller: Caller): Promise<AssignmentDto> {
    const entry = await em.findOne(RoundCenter, { roundId: ref.roundId, centerId: ref.centerId });
    const center = await em.findOne(DirectoryCenter, { id: ref.centerId });
    const seen = requireSeen(caller, entry, center ?? undefined);
    const round = await em.findOneOrFail(EvaluationRound, { id: seen.roundId });
    return toAssignmentDto(seen, seesGrading(caller, seen, center ?? undefined, round.status));
  }

  score(input: In<typeof ScoreAssignment>, caller: Caller): Promise<AssignmentDto> {
    return this.command(ScoreAssignment, input, caller, (scope, entry, round, center) => {
      requireAccess(caller, 'round.score', roundEntryFacts(entry, center));
      if (entry.status === 'assigned') this.step(scope, entry, 'start', caller, {});
      if (entry.status !== 'scoring') throw refuse(ROUND_REFUSALS.not_open, { status: entry.status });
      const byKey = new Map(entry.scores.map((s) => [s.indicatorKey, s]));
      for (const s of input.scores) byKey.set(s.indicatorKey, s);
      const scores = [...byKey.values()];
      // Unknown indicators, bad scores and missing evidence are refused now; missing ones only at submission.
      const result = scoreCenter(round.indicatorSystem, scores);
      const wrong = result.ok ? [] : result.findings.filter((f) => f.details?.indicator !== result.missing.join(','));
      if (wrong[0] !== undefined)
        throw refuse(ROUND_REFUSALS.invalid_score, { message: wrong[0].message.zh, messageEn: wrong[0].message.en });
      entry.scores = scores;
      if (input.meetingReview) entry.meetingReview = input.meetingReview;
      if (input.onSiteInspection) entry.onSiteInspection = input.onSiteInspection;
      if (input.report) entry.report = input.report;
    });
  }

  submit(input: In<typeof SubmitAssignment>, caller: Caller): Promise<AssignmentDto> {
    return this.command(SubmitAssignment, input, caller, async (scope, entry, round) => {
      const result = scoreCenter(round.indicatorSystem, entry.scores);
      this.step(scope, entry, 'submit', caller, {
        missingIndicators: result.ok ? [] : result.missing,
        reportGiven: entry.report !== null && entry.meetingReview !== null && entry.onSiteInspection !== null,
      });
      entry.total = result.ok ? result.total : null;
      await this.closeDeadline(scope.em, entry);
    });
  }

  decline(input: In<typeof DeclineAssignment>, caller: Caller): Promise<AssignmentDto> {
    return this.command(DeclineAssignment, input, caller, async (scope, entry) => {
      this.step(scope, entry, 'decline', caller, { reason: input.reason });
      entry.declineReason = input.reason;
      this.notParticipated(scope.em, entry);
      await this.closeDeadline(scope.em, entry);
    });
  }

  private async command<D extends typeof ScoreAssignment | typeof SubmitAssignment | typeof DeclineAssignment>(
    rpc: D,
    input: In<D>,
    caller: Caller,
    work: (
      scope: CommandScope,
      entry: RoundCenter,
      round: EvaluationRound,
      center: DirectoryCenter | undefined,
    ) => Promise<void> | void,
  ): Promise<AssignmentDto> {
    return this.uow.run(
      rpc,
      input,
      async (scope) => {
        const { em } = scope;
        const found = await em.findOne(RoundCenter, { roundId: input.roundId, centerId: input.centerId });
        const center = (await em.findOne(DirectoryCenter, { id: input.centerId })) ?? undefined;
        const seen = requireSeen(caller, found, center);
        const entry = await scope.lock(RoundCenter, seen.id, undefined, { zh: '评估任务', en: 'assignment' });
        assertVersion(input.version, entry.version);
        const round = await em.findOneOrFail(EvaluationRound, { id: entry.roundId });
        if (round.status !== 'open') throw refuse(ROUND_REFUSALS.not_open, { status: round.status });
        await work(scope, entry, round, center);
        return entry.id;
      },
      (em) => this.view(em, input, caller),
    );
  }

  private step(
    scope: CommandScope,
    entry: RoundCenter,
    action: AssignmentAction,
    caller: Caller,
    ctx: AssignmentContext,
  ) {
    const decision = scope.decide(evaluationAssignmentLifecycle.decide(entry.status, action, caller.role, ctx));
    const from = entry.status;
    entry.status = decision.to;
    scope.history(entry, {
      aggregateType: ASSIGNMENT_AGGREGATE,
      action,
      from,
      to: entry.status,
      comment: ctx.reason ?? null,
      article: decision.article,
    });
  }

  // A29, A31(四): the center did not take part by the agency's deadline; the deadline kit fires in its transaction.
  private async missed(em: EntityManager, deadline: Deadline): Promise<void> {
    const entry = await em.findOne(RoundCenter, { id: deadline.subjectId });
    if (entry === null) return;
    const decision = evaluationAssignmentLifecycle.decide(entry.status, 'record_non_participation', 'system', {
      dueOn: deadline.dueOn,
      today: this.clock.today(),
    });
    if (!decision.ok) return;
    entry.status = decision.to;
    this.notParticipated(em, entry);
  }

  private notParticipated(em: EntityManager, entry: RoundCenter): void {
    this.outbox.record(em, EvaluationNotParticipated, {
      subject: entry.id,
      aggregateVersion: nextEventVersion(entry),
      data: { roundId: entry.roundId, centerId: entry.centerId, dueOn: entry.participateBy ?? this.clock.today() },
    });
  }

  private async closeDeadline(em: EntityManager, entry: RoundCenter): Promise<void> {
    for (const pending of await this.deadlines.findPending(em, entry.id, 'D-evaluation-participation')) {
      await this.deadlines.complete(em, pending.id);
    }
  }
}
