import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { ApplicationApproved, ApproveApplication, CenterEstablished, type ApplicationDto } from '@tic/contracts';
import { applicationLifecycle, centerName, computeDueDate, RULES } from '@tic/domain';
import { CalendarService, Clock, Deadlines } from '@tic/deadlines';
import { assertVersion, type Caller, newId, nextEventVersion, refuse, RpcFailure, UnitOfWork } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { Notice } from '../notices/notice.entity';
import { Objection } from '../notices/objection.entity';
import { Organization } from '../organizations/organization.entity';
import { applicationEventData } from './application-events';
import { APPLICATION_REFUSALS } from './applications.refusals';
import { applicationFindings } from './application-findings';
import { recordHistory } from './application-history';
import { Application } from './application.entity';
import { ApplicationsService } from './applications.service';

type ApproveInput = z.output<typeof ApproveApplication.request>;

/**
 * A13(四): after a public notice that ended without an undecided objection, DST approves formally or
 * for preparation (A12); approval establishes the center with its A37 names.
 */
@Injectable()
export class ApplicationApprovalService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly deadlines: Deadlines,
  ) {}

  approve(input: ApproveInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      ApproveApplication,
      input,
      async (scope) => {
        const { em } = scope;
        const application = await em.getRepository(Application).findVisibleForUpdate(input.id, caller);
        assertVersion(input.version, application.version);
        const approvedOn = input.approvedOn ?? this.clock.today();
        const notice = await this.noticeOf(em, application.id);
        const decision = applicationLifecycle.decide(
          application.status,
          'approve',
          caller.role,
          {
            noticeEnded: notice.ended,
            noticeEndsOn: notice.endsOn,
            approvedOn,
            openObjections: await em.getRepository(Objection).countOpenFor(application.id),
            track: input.track,
            eligibility: applicationFindings(
              application,
              await em.getRepository(Organization).supportingUnitOf(application),
            ),
          },
          application.waivers.map((w) => w.rule),
        );
        if (!decision.ok && notice.ended && approvedOn <= notice.endsOn) {
          // A13(四): the notice has ended, but the date asked for the approval lies inside it.
          throw refuse(
            APPLICATION_REFUSALS.approved_before_notice_end,
            { approvedOn, endsOn: notice.endsOn },
            { rule: 'A13-public-notice', errors: [{ path: 'approvedOn', message: `on or before ${notice.endsOn}` }] },
          );
        }
        if (!decision.ok) throw RpcFailure.fromRefusal(decision);

        const from = application.status;
        const center = this.establishCenter(em, application, input.track, approvedOn);
        application.status = decision.to;
        application.track = input.track;
        application.centerId = center.id;
        recordHistory(scope, application, {
          action: 'approve',
          from,
          comment: `track: ${input.track}`,
          article: decision.article,
        });

        scope.record(ApplicationApproved, {
          subject: application.id,
          aggregateVersion: nextEventVersion(application),
          data: {
            ...applicationEventData(application, { from, to: decision.to, article: decision.article }, caller),
            centerId: center.id,
            track: input.track,
            approvedOn,
            waivedRules: application.waivers.map((w) => ({
              rule: w.rule,
              article: RULES[w.rule].article,
              reason: w.reason,
            })),
          },
        });
        scope.record(CenterEstablished, {
          subject: center.id,
          aggregateVersion: nextEventVersion(center),
          data: {
            centerId: center.id,
            name: { zh: center.nameZh, en: center.nameEn },
            applicationId: application.id,
            field: { zh: center.fieldZh, en: center.fieldEn },
            track: center.track,
            status: center.status === 'preparing' ? 'preparing' : 'operating',
            supportingUnitId: center.supportingUnitId,
            coBuilderIds: center.coBuilderIds,
            constructionUnitId: center.constructionUnitId,
            recommenderId: center.recommenderId,
            establishedOn: center.establishedOn,
            ...(center.preparationEndsOn === null
              ? {}
              : {
                  preparationEndsOn: center.preparationEndsOn,
                  preparationEndsOnProvisional: center.preparationEndsOnProvisional ?? false,
                }),
          },
        });
      },
      (em) => this.applications.view(em, input.id, caller),
    );
  }

  private establishCenter(
    em: EntityManager,
    application: Application,
    track: ApproveInput['track'],
    approvedOn: string,
  ): Center {
    const field = { zh: application.fieldZh, en: application.fieldEn };
    const name = centerName(field);
    // A12 last paragraph: preparation lasts at most one year from the approval.
    const preparation =
      track === 'preparation' ? computeDueDate(approvedOn, { years: 1 }, this.calendar.current) : null;
    const center = em.create(Center, {
      id: newId(),
      nameZh: name.zh,
      nameEn: name.en,
      fieldZh: field.zh,
      fieldEn: field.en,
      status: track === 'preparation' ? 'preparing' : 'operating',
      track,
      applicationId: application.id,
      supportingUnitId: application.supportingUnitId,
      coBuilderIds: application.coBuilderIds,
      constructionUnitId: application.constructionUnitId,
      recommenderId: application.recommenderId,
      regionCode: application.regionCode,
      establishedOn: approvedOn,
      preparationEndsOn: preparation?.due ?? null,
      preparationEndsOnProvisional: preparation?.provisional ?? null,
    });
    em.persist(center);
    return center;
  }

  // The notice the application is on, and its last day (the D-public-notice deadline holds it).
  private async noticeOf(em: EntityManager, applicationId: string): Promise<{ ended: boolean; endsOn: string }> {
    const notice = await em.getRepository(Notice).latestFor(applicationId);
    // Without a notice the lifecycle refuses the approval anyway (it is not in public_notice).
    if (notice === null) return { ended: false, endsOn: '9999-12-31' };
    return { ended: notice.status === 'ended', endsOn: (await this.deadlines.get(em, notice.deadlineId)).dueOn };
  }
}
