import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import {
  AnswerRevocation,
  CenterRevoked,
  ConfirmRevocation,
  DecideRevocation,
  DismissRevocation,
  FileRevocation,
  RevocationAnswered,
  RevocationClosed,
  RevocationDismissed,
  RevocationFiled,
  RevocationOpened,
  type RevocationDto,
} from '@tic/contracts';
import { centerLifecycle, revocationLifecycle, type RevocationAction, type RevocationContext } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  type Caller,
  type CommandScope,
  eventActor,
  nextEventVersion,
  refuse,
  requireAccess,
  UnitOfWork,
} from '@tic/platform';

import { Center } from '../centers/center.entity';
import { assertCenterNotRevoked, moveCenter } from '../centers/center-standing';
import { completeAnswerPeriod, scheduleAnswerPeriod } from './revocation-answer-period';
import { RevocationCase } from './revocation-case.entity';
import { caseRef, decided, notAfterToday } from './revocation-steps';
import { groundArticles, REVOCATION_AGGREGATE } from './revocation-view';
import { REVOCATION_REFUSALS } from './revocations.refusals';
import { RevocationsService } from './revocations.service';

type Confirm = z.output<typeof ConfirmRevocation.request>;
type Dismiss = z.output<typeof DismissRevocation.request>;
type Answer = z.output<typeof AnswerRevocation.request>;
type Decide = z.output<typeof DecideRevocation.request>;
type File = z.output<typeof FileRevocation.request>;

/** A case's step as loaded in the command: the case, its center, today. */
interface Step {
  readonly scope: CommandScope;
  readonly row: RevocationCase;
  readonly center: Center;
  readonly today: string;
}

/**
 * A31: the steps of a case after it came about: DST confirms or dismisses a proposal, the supporting unit
 * answers until the day DST set, DST revokes or closes with reasons and files a revocation with the
 * committee office (备案). Each step asks the case's state machine; a revocation also the center's.
 */
@Injectable()
export class RevocationDecisionsService {
  constructor(
    private readonly cases: RevocationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  confirm(input: Confirm, caller: Caller): Promise<RevocationDto> {
    return this.step(
      ConfirmRevocation,
      input,
      caller,
      'revocation.decide',
      'confirm',
      {},
      ({ scope, row, center, today }) => {
        if (input.answerBy < today) {
          throw refuse(
            REVOCATION_REFUSALS.answer_by_past,
            { today },
            { errors: [{ path: 'answerBy', message: `before ${today}` }] },
          );
        }
        row.openedOn = today;
        row.answerBy = input.answerBy;
        if (input.statement !== undefined) row.statement = input.statement;
        scope.record(RevocationOpened, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: {
            ...caseRef(row, center, caller),
            supportingUnitId: row.supportingUnitId,
            constructionUnitId: row.constructionUnitId,
            recommenderId: row.recommenderId,
            coBuilderIds: row.coBuilderIds,
            openedOn: today,
            answerBy: input.answerBy,
            statement: row.statement ?? row.cause,
          },
        });
        return `answerBy ${input.answerBy}`;
      },
    );
  }

  dismiss(input: Dismiss, caller: Caller): Promise<RevocationDto> {
    return this.step(
      DismissRevocation,
      input,
      caller,
      'revocation.decide',
      'dismiss',
      { reason: input.reason },
      ({ scope, row, center, today }) => {
        decided(row, 'dismiss', input.reason, today);
        scope.record(RevocationDismissed, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: { ...caseRef(row, center, caller), reason: input.reason, decidedOn: today },
        });
        return input.reason;
      },
    );
  }

  answer(input: Answer, caller: Caller): Promise<RevocationDto> {
    const context = (today: string, row: RevocationCase): RevocationContext => ({
      statement: input.statement,
      today,
      answerBy: row.answerBy,
    });
    return this.step(
      AnswerRevocation,
      input,
      caller,
      'revocation.answer',
      'answer',
      context,
      ({ scope, row, center, today }) => {
        row.answerStatement = input.statement;
        row.answerEvidence = input.evidence;
        row.answeredOn = today;
        scope.record(RevocationAnswered, {
          subject: row.id,
          aggregateVersion: nextEventVersion(row),
          data: { ...caseRef(row, center, caller), answeredOn: today },
        });
        return input.statement;
      },
    );
  }

  decide(input: Decide, caller: Caller): Promise<RevocationDto> {
    const context = (today: string, row: RevocationCase): RevocationContext => ({
      reason: input.reason,
      today: input.decidedOn ?? today,
      answerBy: row.answerBy,
      answered: row.answeredOn !== null,
    });
    return this.step(
      DecideRevocation,
      input,
      caller,
      'revocation.decide',
      input.outcome,
      context,
      ({ scope, row, center, today }) => {
        const decidedOn = notAfterToday(input.decidedOn, 'decidedOn', today);
        decided(row, input.outcome, input.reason, decidedOn);
        if (input.outcome === 'close') {
          scope.record(RevocationClosed, {
            subject: row.id,
            aggregateVersion: nextEventVersion(row),
            data: { ...caseRef(row, center, caller), reason: input.reason, decidedOn },
          });
          return input.reason;
        }
        // A31: the center's own state machine decides too (A31(二) only for a center under rectification).
        const decision = scope.decide(
          centerLifecycle.decide(center.status, 'revoke', caller.role, { grounds: row.grounds, reason: input.reason }),
        );
        moveCenter(scope, center, { action: 'revoke', decision, reason: input.reason, changedOn: decidedOn, caller });
        scope.record(CenterRevoked, {
          subject: center.id,
          aggregateVersion: nextEventVersion(center),
          data: {
            centerId: center.id,
            name: { zh: center.nameZh, en: center.nameEn },
            ground: Math.min(...row.grounds),
            grounds: row.grounds,
            article: groundArticles(row.grounds).join('、'),
            reason: input.reason,
            revokedOn: decidedOn,
            caseId: row.id,
            actor: eventActor(caller),
          },
        });
        return input.reason;
      },
    );
  }

  file(input: File, caller: Caller): Promise<RevocationDto> {
    return this.step(FileRevocation, input, caller, 'revocation.file', 'file', {}, ({ scope, row, center, today }) => {
      const filedOn = notAfterToday(input.filedOn, 'filedOn', today);
      row.filedOn = filedOn;
      row.documentRef = input.documentRef;
      scope.record(RevocationFiled, {
        subject: row.id,
        aggregateVersion: nextEventVersion(row),
        data: { ...caseRef(row, center, caller), filedOn, documentRef: input.documentRef },
      });
      return `${filedOn} ${input.documentRef}`;
    });
  }

  // Load and lock the case in the caller's scope, check the policy and both state machines, apply `work`.
  private step(
    operation: Parameters<UnitOfWork['run']>[0],
    input: { readonly id: string; readonly version: number },
    caller: Caller,
    action: 'revocation.decide' | 'revocation.answer' | 'revocation.file',
    step: RevocationAction,
    context: RevocationContext | ((today: string, row: RevocationCase) => RevocationContext),
    work: (loaded: Step) => string | Promise<string>,
  ): Promise<RevocationDto> {
    return this.uow.run(
      operation,
      input,
      async (scope) => {
        const cases = scope.em.getRepository(RevocationCase);
        await cases.findVisible(input.id, caller);
        const row = await cases.lockAtVersion(input.id, input.version, { zh: '撤销案件', en: 'Revocation case' });
        requireAccess(caller, action, cases.facts(row));
        const center = await scope.em
          .getRepository(Center)
          .lockAtVersion(row.centerId, undefined, { zh: '技术创新中心', en: 'Center' });
        // A revocation on another case ended this one's purpose; filing this case's own revocation goes on.
        if (step !== 'file') assertCenterNotRevoked(center);
        const today = this.clock.today();
        const ctx = typeof context === 'function' ? context(today, row) : context;
        const decision = scope.decide(revocationLifecycle.decide(row.status, step, caller.role, ctx));
        const from = row.status;
        row.status = decision.to;
        const comment = await work({ scope, row, center, today });
        // D-revocation-answer follows the case: scheduled once it opens, done once answered or decided.
        if (step === 'confirm') await scheduleAnswerPeriod(scope.em, this.deadlines, row);
        if (step === 'answer' || step === 'revoke' || step === 'close') {
          await completeAnswerPeriod(scope.em, this.deadlines, row.id);
        }
        scope.history(row, {
          aggregateType: REVOCATION_AGGREGATE,
          action: step,
          from,
          to: row.status,
          findings: decision.findings,
          comment,
          article: decision.article,
        });
        return row.id;
      },
      (em, id) => this.cases.view(em, id),
    );
  }
}
