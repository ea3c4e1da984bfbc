import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import {
  ApplicationObjectionDecided,
  ApplicationObjectionFiled,
  ApplicationRejected,
  DecideObjection,
  FileObjection,
  type ListObjections,
} from '@tic/contracts';
import { applicationLifecycle, type Actor } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import {
  type Caller,
  type CommandScope,
  newId,
  nextEventVersion,
  pageOf,
  refuse,
  requireAccess,
  RpcFailure,
  UnitOfWork,
} from '@tic/platform';

import { applicationEventData } from '../applications/application-events';
import { recordHistory } from '../applications/application-history';
import { Application } from '../applications/application.entity';
import { Notice } from './notice.entity';
import { Objection } from './objection.entity';
import { OBJECTION_REFUSALS } from './objections.refusals';

type FileInput = z.output<typeof FileObjection.request>;
type DecideInput = z.output<typeof DecideObjection.request>;
type ListInput = z.output<typeof ListObjections.request>;

const APPLICATION = { zh: '申报', en: 'Application' };
const PUBLIC_ACTOR = { userId: 'public', name: '公众', role: 'public' as const };

/**
 * A13(四) and DOMAIN.md §7: objections during a public notice. A named, reasoned objection inside the
 * window holds the application until DST decides; an anonymous one is recorded and not acted on.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  file(input: FileInput, caller: Caller | undefined) {
    return this.uow.run(
      FileObjection,
      input,
      async (scope) => {
        const { em } = scope;
        const notice = await em.getRepository(Notice).findOne({ id: input.noticeId });
        const listed = notice !== null && (await em.getRepository(Notice).lists(notice.id, input.applicationId));
        if (!notice || !listed) throw refuse(OBJECTION_REFUSALS.not_in_notice);
        const application = await em
          .getRepository(Application)
          .lockAtVersion(input.applicationId, undefined, APPLICATION);
        const { dueOn: endsOn } = await this.deadlines.get(em, notice.deadlineId);
        const withinWindow = notice.isOpenOn(this.clock.today(), endsOn);
        if (!withinWindow) {
          throw refuse(
            OBJECTION_REFUSALS.outside_window,
            { startsOn: notice.startsOn, endsOn },
            { rule: 'A13-objection' },
          );
        }
        const objection = em.create(Objection, {
          id: newId(),
          noticeId: notice.id,
          applicationId: application.id,
          objectorName: input.objectorName ?? null,
          objectorUnit: input.objectorUnit ?? null,
          contact: input.contact ?? null,
          grounds: input.grounds,
          status: 'recorded',
        });
        em.persist(objection);

        const actor: Actor = caller?.role ?? 'public';
        const decision = applicationLifecycle.decide(application.status, 'file_objection', actor, {
          objection: { realName: objection.realName, grounds: input.grounds, withinWindow },
        });
        if (!decision.ok) {
          // DOMAIN.md §7: anonymous objections are recorded but not acted on.
          if (decision.rule === 'A13-objection') return objection;
          throw RpcFailure.fromRefusal(decision);
        }
        objection.status = 'under_review';
        const from = application.status;
        application.status = decision.to;
        const who = caller ?? PUBLIC_ACTOR;
        recordHistory(scope, application, { action: 'file_objection', from, article: decision.article, actor: who });
        scope.record(ApplicationObjectionFiled, {
          subject: application.id,
          aggregateVersion: nextEventVersion(application),
          data: {
            ...applicationEventData(application, { from, to: decision.to, article: decision.article }, who),
            objectionId: objection.id,
            noticeId: notice.id,
          },
        });
        return objection;
      },
      (_em, objection) => Promise.resolve(this.view(objection)),
    );
  }

  decide(input: DecideInput, caller: Caller) {
    requireAccess(caller, 'objection.decide', { kind: 'objection' });
    return this.uow.run(
      DecideObjection,
      input,
      async (scope) => {
        const { em } = scope;
        const objections = em.getRepository(Objection);
        const objection = await objections.findForUpdate(input.objectionId);
        if (!objection) throw refuse(OBJECTION_REFUSALS.not_found);
        if (objection.status !== 'under_review') throw refuse(OBJECTION_REFUSALS.not_under_review);
        const application = await em
          .getRepository(Application)
          .lockAtVersion(objection.applicationId, undefined, APPLICATION);
        objection.status = input.upheld ? 'upheld' : 'dismissed';
        objection.decisionComment = input.comment;
        objection.decidedBy = caller.name;
        objection.decidedAt = new Date();
        // The application goes back to the notice only when no other objection awaits a decision.
        const othersOpen = await objections.countOpenFor(application.id, objection.id);
        const action = input.upheld ? 'uphold_objection' : 'dismiss_objection';
        if (!input.upheld && othersOpen > 0) {
          this.recordDecision(
            scope,
            application,
            objection,
            input,
            caller,
            application.status,
            application.status,
            '第十三条第（四）项',
          );
          return objection;
        }
        const decision = applicationLifecycle.decide(application.status, action, caller.role, {
          comment: input.comment,
        });
        if (!decision.ok) throw RpcFailure.fromRefusal(decision);
        const from = application.status;
        application.status = decision.to;
        recordHistory(scope, application, { action, from, comment: input.comment, article: decision.article });
        this.recordDecision(scope, application, objection, input, caller, from, decision.to, decision.article);
        if (input.upheld) {
          // The application is rejected: objections still under review have nothing left to decide.
          const others = await objections.openFor(application.id, objection.id);
          for (const other of others) {
            other.status = 'closed';
            other.decisionComment = `申报已因异议${objection.id}成立不予批准，本异议一并办结`;
            other.decidedBy = caller.name;
            other.decidedAt = new Date();
          }
          scope.record(ApplicationRejected, {
            subject: application.id,
            aggregateVersion: nextEventVersion(application),
            data: applicationEventData(
              application,
              { from, to: decision.to, article: decision.article, comment: input.comment },
              caller,
            ),
          });
        }
        return objection;
      },
      (_em, objection) => Promise.resolve(this.view(objection)),
    );
  }

  async list(input: ListInput, caller: Caller) {
    requireAccess(caller, 'objection.read', { kind: 'objection' });
    const rows = await this.em().getRepository(Objection).page(input, input.limit);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (o) => this.view(o),
    );
  }

  private recordDecision(
    scope: CommandScope,
    application: Application,
    objection: Objection,
    input: DecideInput,
    caller: Caller,
    from: Application['status'],
    to: Application['status'],
    article: string,
  ): void {
    scope.record(ApplicationObjectionDecided, {
      subject: application.id,
      aggregateVersion: nextEventVersion(application),
      data: {
        ...applicationEventData(application, { from, to, article, comment: input.comment }, caller),
        objectionId: objection.id,
        upheld: input.upheld,
      },
    });
  }

  view(objection: Objection) {
    return {
      id: objection.id,
      noticeId: objection.noticeId,
      applicationId: objection.applicationId,
      objectorName: objection.objectorName,
      objectorUnit: objection.objectorUnit,
      realName: objection.realName,
      grounds: objection.grounds,
      filedAt: objection.filedAt.toISOString(),
      status: objection.status,
      decisionComment: objection.decisionComment,
    };
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}
