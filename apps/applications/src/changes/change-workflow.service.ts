import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { TransitionChange, type ChangeDto } from '@tic/contracts';
import { changeLifecycle, type ChangeContext, type LocalizedText } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  type CommandScope,
  type In,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { isNameViolation, nameTaken } from '../centers/center-name';
import { Center } from '../centers/center.entity';
import { fileChange } from './change-filing';
import { ChangeRequest } from './change-request.entity';
import { CHANGE_AGGREGATE, toChangeDto } from './change-view';
import { CHANGE_REFUSALS } from './changes.refusals';
import { CommitteeReviews } from './committee-reviews';

type TransitionInput = In<typeof TransitionChange>;

/**
 * A26: a change report's path, each step decided by the change lifecycle: submitted to the supporting unit
 * (D-change-filing starts), passed once the management committee argued it, consented to by the recommender,
 * approved and filed by DST (the center takes the change, the deadline is met); any reviewer may return it.
 */
@Injectable()
export class ChangeWorkflowService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
    private readonly committeeReviews: CommitteeReviews,
  ) {}

  async transition(input: TransitionInput, caller: Caller): Promise<ChangeDto> {
    const committeeReview = await this.committeeReview(input, caller);
    const attempted: { name?: LocalizedText } = {};
    try {
      return await this.uow.run(
        TransitionChange,
        input,
        async (scope) => {
          const { em } = scope;
          const changes = em.getRepository(ChangeRequest);
          const change = await changes.findVisibleForUpdate(input.id, caller);
          requireAccess(caller, 'change.transition', await changes.facts(change));
          assertVersion(input.version, change.version);
          const center = await em.getRepository(Center).findForUpdate(change.centerId);
          if (center === null) throw new Error(`center ${change.centerId} of change ${change.id} is missing`);
          const context: ChangeContext = {
            centerStatus: center.status,
            ...(input.comment === undefined ? {} : { comment: input.comment }),
            ...(committeeReview === undefined ? {} : { committeeReview }),
          };
          const decision = scope.decide(changeLifecycle.decide(change.status, input.action, caller.role, context));
          const from = change.status;
          change.status = decision.to;
          if (input.action === 'pass') change.committeeReviewOn = input.committeeReviewOn ?? null;
          if (input.action === 'submit') await this.scheduleFiling(em, change);
          if (input.action === 'approve') {
            await fileChange(scope, change, center, caller, this.clock.today(), attempted);
            // A26: filed with DST; the 30 working days no longer run.
            if (change.filingDeadlineId !== null) await this.deadlines.complete(em, change.filingDeadlineId);
          }
          record(scope, change, from, input, decision.article);
        },
        async (em) => toChangeDto(em, await em.getRepository(ChangeRequest).findVisible(input.id, caller), caller),
      );
    } catch (error) {
      // Two renamings (or an approval) racing for one name: the unique index refuses the later, as A37 does.
      if (attempted.name !== undefined && isNameViolation(error)) throw nameTaken(attempted.name, 'rename.field');
      throw error;
    }
  }

  /**
   * A26 经管理委员会论证: the review a pass names, looked up in the personnel registry before the
   * transaction (no lock is held while another service answers).
   */
  private async committeeReview(input: TransitionInput, caller: Caller): Promise<ChangeContext['committeeReview']> {
    const field = (message: string) => ({ errors: [{ path: 'committeeReviewOn', message }] });
    if (input.action !== 'pass') {
      if (input.committeeReviewOn !== undefined) {
        throw refuse(CHANGE_REFUSALS.committee_review_on_pass_only, {}, field('only a pass names it'));
      }
      return undefined;
    }
    if (input.committeeReviewOn === undefined) {
      throw refuse(CHANGE_REFUSALS.committee_review_required, {}, field('required to pass'));
    }
    const change = await this.entityManager.fork().getRepository(ChangeRequest).findVisible(input.id, caller);
    const recorded = await this.committeeReviews.recordedOn(change.centerId, input.committeeReviewOn);
    return { reviewedOn: input.committeeReviewOn, recorded };
  }

  // A26, D-change-filing: 30 working days from the decision, from the first submission on; a decision
  // date edited after a return starts the period anew.
  private async scheduleFiling(em: EntityManager, change: ChangeRequest): Promise<void> {
    if (change.filingDeadlineId !== null) {
      const current = await this.deadlines.get(em, change.filingDeadlineId);
      if (current.startOn === change.decidedOn) return;
      await this.deadlines.cancel(em, current.id);
    }
    const deadline = await this.deadlines.schedule(em, {
      kind: 'D-change-filing',
      subjectId: change.id,
      centerId: change.centerId,
      start: change.decidedOn,
    });
    change.filingDeadlineId = deadline.id;
  }
}

function record(
  scope: CommandScope,
  change: ChangeRequest,
  from: ChangeRequest['status'],
  input: TransitionInput,
  article: string,
) {
  const review = input.committeeReviewOn === undefined ? '' : `（committeeReviewOn ${input.committeeReviewOn}）`;
  scope.history(change, {
    aggregateType: CHANGE_AGGREGATE,
    action: input.action,
    from,
    to: change.status,
    comment: input.comment === undefined && review === '' ? null : `${input.comment ?? ''}${review}`,
    article,
  });
}
