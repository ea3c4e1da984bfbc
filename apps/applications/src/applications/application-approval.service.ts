import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { ApplicationApproved, ApproveApplication, CenterEstablished, type ApplicationDto } from '@tic/contracts';
import { applicationLifecycle, centerName, type LocalizedText, normalizeField, RULES } from '@tic/domain';
import { Clock, type Deadline, Deadlines } from '@tic/deadlines';
import { assertVersion, type Caller, newId, nextEventVersion, refuse, RpcFailure, UnitOfWork } from '@tic/platform';

import { assertNameFree, isNameViolation, nameTaken } from '../centers/center-name';
import { Center } from '../centers/center.entity';
import { Notice } from '../notices/notice.entity';
import { Objection } from '../notices/objection.entity';
import { Organization } from '../organizations/organization.entity';
import { applicationEventData } from './application-events';
import { APPLICATION_REFUSALS } from './applications.refusals';
import { applicationFindings } from './application-findings';
import { recordHistory } from './application-history';
import { Application } from './application.entity';
import { coveringWaivers, waivedRules } from './application-waivers';
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
    private readonly deadlines: Deadlines,
  ) {}

  async approve(input: ApproveInput, caller: Caller): Promise<ApplicationDto> {
    // The name this approval tried to give, to word the refusal when a concurrent approval won it.
    const attempted: { name?: LocalizedText } = {};
    try {
      return await this.uow.run(
        ApproveApplication,
        input,
        async (scope) => {
          const { em } = scope;
          const application = await em.getRepository(Application).findVisibleForUpdate(input.id, caller);
          assertVersion(input.version, application.version);
          const eligibility = applicationFindings(
            application,
            await em.getRepository(Organization).supportingUnitOf(application),
          );
          const approvedOn = input.approvedOn ?? this.clock.today();
          const notice = await this.noticeOf(em, application.id);
          // DOMAIN.md §3: only the waivers that still cover their findings count.
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
              eligibility,
            },
            waivedRules(application, eligibility),
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
          attempted.name = centerName(normalizeField({ zh: application.fieldZh, en: application.fieldEn }));
          await assertNameFree(em, attempted.name);
          const center = this.establishCenter(em, application, input.track, approvedOn);
          const preparation = await this.schedulePreparation(em, center);
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
              waivedRules: coveringWaivers(application, eligibility).map((w) => ({
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
              regionCode: center.regionCode,
              ...(preparation === null
                ? {}
                : { preparationEndsOn: preparation.dueOn, preparationEndsOnProvisional: preparation.provisional }),
            },
          });
        },
        (em) => this.applications.view(em, input.id, caller),
      );
    } catch (error) {
      // Two approvals of one name at once: the unique index refuses the later, with the same refusal.
      if (attempted.name !== undefined && isNameViolation(error)) throw nameTaken(attempted.name);
      throw error;
    }
  }

  private establishCenter(
    em: EntityManager,
    application: Application,
    track: ApproveInput['track'],
    approvedOn: string,
  ): Center {
    // A37: the center keeps the normalized field its names are built from.
    const field = normalizeField({ zh: application.fieldZh, en: application.fieldEn });
    const name = centerName(field);
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
    });
    em.persist(center);
    return center;
  }

  // A12 last paragraph: preparation lasts at most one year from the approval, a deadline row with reminders.
  private async schedulePreparation(em: EntityManager, center: Center): Promise<Deadline | null> {
    if (center.track !== 'preparation') return null;
    const deadline = await this.deadlines.schedule(em, {
      kind: 'D-preparation',
      subjectId: center.id,
      centerId: center.id,
      start: center.establishedOn,
    });
    center.preparationDeadlineId = deadline.id;
    return deadline;
  }

  // The notice the application is on, and its last day (the D-public-notice deadline holds it).
  private async noticeOf(em: EntityManager, applicationId: string): Promise<{ ended: boolean; endsOn: string }> {
    const notice = await em.getRepository(Notice).latestFor(applicationId);
    // Without a notice the lifecycle refuses the approval anyway (it is not in public_notice).
    if (notice === null) return { ended: false, endsOn: '9999-12-31' };
    return { ended: notice.status === 'ended', endsOn: (await this.deadlines.get(em, notice.deadlineId)).dueOn };
  }
}
