import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { z } from 'zod';

import {
  PublicNoticeEnded,
  PublicNoticeStarted,
  PublishNotice,
  type ListPublicNotices,
  type NoticeDto,
} from '@tic/contracts';
import { addDays, applicationLifecycle, centerName, noticeLength, type NoticeLengthSetting } from '@tic/domain';
import { Clock, Deadline, Deadlines } from '@tic/deadlines';
import {
  type Caller,
  EventOutbox,
  newId,
  nextEventVersion,
  pageOf,
  PLATFORM_CONFIG,
  requireAccess,
  RpcFailure,
  UnitOfWork,
} from '@tic/platform';

import { recordHistory } from '../applications/application-history';
import { Application } from '../applications/application.entity';
import type { ApplicationsConfig } from '../config';
import { Organization } from '../organizations/organization.entity';
import { NoticeEntry } from './notice-entry.entity';
import { Notice } from './notice.entity';

type PublishInput = z.output<typeof PublishNotice.request>;
type PublicListInput = z.output<typeof ListPublicNotices.request>;

// A notice recorded after it went up on DST's website may start this many days back.
const MAX_BACKDATE_DAYS = 30;

/** A13(四): public notices of shortlisted applications, ended by their D-public-notice deadline. */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly outbox: EventOutbox,
    private readonly deadlines: Deadlines,
    private readonly clock: Clock,
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_CONFIG) private readonly config: ApplicationsConfig,
  ) {}

  onModuleInit(): void {
    this.deadlines.onFire('D-public-notice', (em, deadline) => this.end(em, deadline));
  }

  publish(input: PublishInput, caller: Caller): Promise<NoticeDto> {
    requireAccess(caller, 'notice.publish', { kind: 'notice' });
    const today = this.clock.today();
    const startsOn = input.startsOn ?? today;
    if (startsOn > today || startsOn < addDays(today, -MAX_BACKDATE_DAYS)) {
      throw RpcFailure.invalidInput([
        { path: 'startsOn', message: `must be between ${addDays(today, -MAX_BACKDATE_DAYS)} and today` },
      ]);
    }
    const setting = this.lengthOf(input);
    const workingDays = 'workingDays' in setting ? setting.workingDays : null;
    const calendarDays = 'calendarDays' in setting ? setting.calendarDays : null;
    return this.uow.run(
      PublishNotice,
      input,
      async (scope) => {
        const { em } = scope;
        const applications = await em.getRepository(Application).findAllForUpdate(input.applicationIds);
        const missing = input.applicationIds.filter((id) => !applications.some((a) => a.id === id));
        if (missing.length > 0)
          throw RpcFailure.invalidInput(
            missing.map((id) => ({
              path: `applicationIds.${input.applicationIds.indexOf(id)}`,
              message: 'no such application',
            })),
          );

        const id = newId();
        const deadline = await this.deadlines.schedule(em, {
          kind: 'D-public-notice',
          subjectId: id,
          start: startsOn,
          // DOMAIN.md §7: the notice counts its first day (Mon 2 March → Fri 6 March).
          length: noticeLength(setting),
        });
        const notice = em.create(Notice, {
          id,
          title: input.title,
          startsOn,
          workingDays,
          calendarDays,
          deadlineId: deadline.id,
        });
        for (const application of applications) {
          const expected = input.versions?.[application.id];
          if (expected !== undefined && expected !== application.version)
            throw RpcFailure.staleVersion(expected, application.version);
          const decision = applicationLifecycle.decide(application.status, 'start_public_notice', caller.role, {});
          if (!decision.ok) throw RpcFailure.fromRefusal(decision);
          const from = application.status;
          application.status = decision.to;
          recordHistory(scope, application, {
            action: 'start_public_notice',
            from,
            comment: input.title,
            article: decision.article,
          });
          em.persist(em.create(NoticeEntry, { noticeId: id, applicationId: application.id }));
        }
        em.persist(notice);
        scope.record(PublicNoticeStarted, {
          subject: id,
          aggregateVersion: nextEventVersion(notice),
          data: {
            noticeId: id,
            title: notice.title,
            applicationIds: input.applicationIds,
            startsOn,
            endsOn: deadline.dueOn,
            endsOnProvisional: deadline.provisional,
            ...(workingDays === null ? {} : { workingDays }),
            ...(calendarDays === null ? {} : { calendarDays }),
          },
        });
        return notice;
      },
      (em, notice) => this.view(em, notice),
    );
  }

  /** Open notices (and, on request, ended ones) for anyone. */
  async listPublic(input: PublicListInput) {
    const em = this.em();
    const notices = await em.getRepository(Notice).page(input.includeEnded, input.cursor, input.limit);
    const page = pageOf(
      notices,
      input.limit,
      (row) => row.id,
      (row) => row,
    );
    return { ...page, items: await Promise.all(page.items.map((n) => this.view(em, n))) };
  }

  // The D-public-notice deadline fell due: the notice ends, in the firing transaction.
  private async end(em: EntityManager, deadline: Deadline): Promise<void> {
    const notice = await em.getRepository(Notice).findForUpdate(deadline.subjectId);
    if (!notice || notice.status === 'ended') return;
    notice.status = 'ended';
    const applicationIds = await em.getRepository(Notice).applicationIdsOf(notice.id);
    const held = await em.getRepository(Application).byIds(applicationIds, 'objection_review');
    this.outbox.record(em, PublicNoticeEnded, {
      subject: notice.id,
      aggregateVersion: nextEventVersion(notice),
      data: { noticeId: notice.id, applicationIds, endedOn: deadline.dueOn, heldApplicationIds: held.map((a) => a.id) },
    });
  }

  async view(em: EntityManager, notice: Notice): Promise<NoticeDto> {
    const period = await this.deadlines.get(em, notice.deadlineId);
    const applications = await em
      .getRepository(Application)
      .byIds(await em.getRepository(Notice).applicationIdsOf(notice.id));
    const names = await em.getRepository(Organization).namesOf(applications.map((a) => a.supportingUnitId));
    return {
      id: notice.id,
      title: notice.title,
      startsOn: notice.startsOn,
      endsOn: period.dueOn,
      endsOnProvisional: period.provisional,
      workingDays: notice.workingDays,
      calendarDays: notice.calendarDays,
      status: notice.status,
      entries: applications.map((a) => ({
        applicationId: a.id,
        proposedName: centerName({ zh: a.fieldZh, en: a.fieldEn }),
        supportingUnitName: names.get(a.supportingUnitId) ?? '',
        status:
          a.status === 'public_notice' ||
          a.status === 'objection_review' ||
          a.status === 'approved' ||
          a.status === 'filed' ||
          a.status === 'rejected' ||
          a.status === 'withdrawn'
            ? a.status
            : 'public_notice',
      })),
    };
  }

  // DOMAIN.md §7: the notice's own length, else the platform's setting (calendar days when configured).
  private lengthOf(input: PublishInput): NoticeLengthSetting {
    if (input.calendarDays !== undefined) return { calendarDays: input.calendarDays };
    if (input.workingDays !== undefined) return { workingDays: input.workingDays };
    const calendarDays = this.config.PUBLIC_NOTICE_CALENDAR_DAYS;
    return calendarDays === undefined ? { workingDays: this.config.PUBLIC_NOTICE_WORKING_DAYS } : { calendarDays };
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}
