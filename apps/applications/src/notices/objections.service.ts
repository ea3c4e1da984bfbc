import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { ApplicationObjectionDecided, ApplicationObjectionFiled, ApplicationRejected, type DecideObjection, type FileObjection, type ListObjections } from '@tic/contracts';
import { applicationLifecycle, type Actor } from '@tic/domain';
import { Clock, Deadline } from '@tic/deadlines';
import { type Caller, EventOutbox, newId, nextEventVersion, pageOf, RpcFailure } from '@tic/platform';

import { applicationEventData } from '../applications/application-events';
import { recordHistory } from '../applications/application-workflow.service';
import { Application } from '../applications/application.entity';
import { NoticeEntry } from './notice-entry.entity';
import { Notice } from './notice.entity';
import { Objection } from './objection.entity';
import { requireAccess } from '../access/application-scope';

type FileInput = z.output<typeof FileObjection.request>;
type DecideInput = z.output<typeof DecideObjection.request>;
type ListInput = z.output<typeof ListObjections.request>;

const PUBLIC_ACTOR = { userId: 'public', name: '公众', role: 'public' as const };

/**
 * A13(四) and DOMAIN.md §7: objections during a public notice. A named, reasoned objection inside the
 * window holds the application until DST decides; an anonymous one is recorded and not acted on.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  async file(input: FileInput, caller: Caller | undefined) {
    const objectionId = await this.em().transactional(async (em) => {
      const notice = await em.findOne(Notice, { id: input.noticeId });
      const listed = notice ? await em.findOne(NoticeEntry, { noticeId: notice.id, applicationId: input.applicationId }) : null;
      if (!notice || !listed) throw RpcFailure.notFound({ zh: '公示中的该项申报', en: 'That application in that notice' });
      const application = await em.findOneOrFail(Application, { id: input.applicationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const { dueOn: endsOn } = await em.findOneOrFail(Deadline, { id: notice.deadlineId });
      const withinWindow = notice.isOpenOn(this.clock.today(), endsOn);
      if (!withinWindow) {
        throw RpcFailure.of('rule_violation', { zh: `公示期为${notice.startsOn}至${endsOn}，异议须在公示期内提出`, en: `Objections are accepted from ${notice.startsOn} to ${endsOn}` }, { rule: 'A13-objection', article: '第十三条第（四）项' });
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
        if (decision.rule === 'A13-objection') return objection.id;
        throw RpcFailure.fromRefusal(decision);
      }
      objection.status = 'under_review';
      const from = application.status;
      application.status = decision.to;
      const who = caller ?? PUBLIC_ACTOR;
      recordHistory(em, application, who, 'file_objection', from, undefined, decision.article);
      this.outbox.record(em, ApplicationObjectionFiled, {
        subject: application.id,
        aggregateVersion: nextEventVersion(application),
        data: { ...applicationEventData(application, { from, to: decision.to, article: decision.article }, who), objectionId: objection.id, noticeId: notice.id },
      });
      return objection.id;
    });
    return this.view(await this.em().findOneOrFail(Objection, { id: objectionId }));
  }

  async decide(input: DecideInput, caller: Caller) {
    await this.em().transactional(async (em) => {
      const objection = await em.findOne(Objection, { id: input.objectionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!objection) throw RpcFailure.notFound({ zh: '异议', en: 'Objection' });
      if (objection.status !== 'under_review') {
        throw RpcFailure.of('conflict', { zh: '该异议不在审查中', en: 'The objection is not under review' });
      }
      const application = await em.findOneOrFail(Application, { id: objection.applicationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      objection.status = input.upheld ? 'upheld' : 'dismissed';
      objection.decisionComment = input.comment;
      objection.decidedBy = caller.name;
      objection.decidedAt = new Date();
      // The application goes back to the notice only when no other objection awaits a decision.
      const othersOpen = await em.count(Objection, { applicationId: application.id, status: 'under_review', id: { $ne: objection.id } });
      const action = input.upheld ? 'uphold_objection' : 'dismiss_objection';
      if (!input.upheld && othersOpen > 0) {
        requireAccess(caller, 'objection.decide', { kind: 'objection' });
        this.recordDecision(em, application, objection, input, caller, application.status, application.status, '第十三条第（四）项');
        return;
      }
      const decision = applicationLifecycle.decide(application.status, action, caller.role, { comment: input.comment });
      if (!decision.ok) throw RpcFailure.fromRefusal(decision);
      const from = application.status;
      application.status = decision.to;
      recordHistory(em, application, caller, action, from, input.comment, decision.article);
      this.recordDecision(em, application, objection, input, caller, from, decision.to, decision.article);
      if (input.upheld) {
        // The application is rejected: objections still under review have nothing left to decide.
        const others = await em.find(Objection, { applicationId: application.id, status: 'under_review', id: { $ne: objection.id } });
        for (const other of others) {
          other.status = 'closed';
          other.decisionComment = `申报已因异议${objection.id}成立不予批准，本异议一并办结`;
          other.decidedBy = caller.name;
          other.decidedAt = new Date();
        }
        this.outbox.record(em, ApplicationRejected, {
          subject: application.id,
          aggregateVersion: nextEventVersion(application),
          data: applicationEventData(application, { from, to: decision.to, article: decision.article, comment: input.comment }, caller),
        });
      }
    });
    return this.view(await this.em().findOneOrFail(Objection, { id: input.objectionId }));
  }

  async list(input: ListInput, caller: Caller) {
    requireAccess(caller, 'objection.read', { kind: 'objection' });
    const rows = await this.em().find(
      Objection,
      {
        ...(input.noticeId ? { noticeId: input.noticeId } : {}),
        ...(input.applicationId ? { applicationId: input.applicationId } : {}),
        ...(input.cursor ? { id: { $lt: input.cursor } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, (o) => this.view(o));
  }

  private recordDecision(
    em: EntityManager,
    application: Application,
    objection: Objection,
    input: DecideInput,
    caller: Caller,
    from: Application['status'],
    to: Application['status'],
    article: string,
  ): void {
    this.outbox.record(em, ApplicationObjectionDecided, {
      subject: application.id,
      aggregateVersion: nextEventVersion(application),
      data: { ...applicationEventData(application, { from, to, article, comment: input.comment }, caller), objectionId: objection.id, upheld: input.upheld },
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
