import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CenterFiled, RecordWaiver, TransitionApplication, type ApplicationDto } from '@tic/contracts';
import { applicationLifecycle, trackFindings, WAIVER_LAPSES, type ApplicationContext, type Finding } from '@tic/domain';
import { Clock } from '@tic/deadlines';
import {
  assertVersion,
  type Caller,
  eventActor,
  nextEventVersion,
  refuse,
  requireWaiver,
  RpcFailure,
  UnitOfWork,
  type CommandScope,
} from '@tic/platform';

import { Call } from '../calls/call.entity';
import { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import { archiveReview } from '../reviews/archive-review';
import { ReviewAssignment } from '../reviews/review-assignment.entity';
import { applicationEventData, STEP_EVENTS } from './application-events';
import { APPLICATION_REFUSALS } from './applications.refusals';
import { applicationFindings } from './application-findings';
import { recordHistory } from './application-history';
import { Application } from './application.entity';
import { lapseWaivers, waivedRules } from './application-waivers';
import { ApplicationsService } from './applications.service';

type TransitionInput = z.output<typeof TransitionApplication.request>;

// Statuses in which the application has (or may have) an expert review under way.
const REVIEWED = new Set(['expert_review', 'shortlisted']);

// DST decides on waivers while it reviews; after the decision they would change nothing.
const WAIVABLE = new Set(['formal_review', 'expert_review', 'shortlisted', 'public_notice', 'objection_review']);
type WaiverInput = z.output<typeof RecordWaiver.request>;

/** A13's simple steps and DST's waivers: load, ask the state machine, persist the change with its event. */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  transition(input: TransitionInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      TransitionApplication,
      input,
      async (scope) => {
        const { em } = scope;
        const application = await em.getRepository(Application).findVisibleForUpdate(input.id, caller);
        assertVersion(input.version, application.version);
        const today = this.clock.today();
        assertReviseBy(input, today);
        const findings = await this.findings(em, application);
        const context = await this.contextFor(em, application, input, findings);
        const decision = applicationLifecycle.decide(
          application.status,
          input.action,
          caller.role,
          context,
          waivedRules(application, findings),
        );
        if (!decision.ok) throw RpcFailure.fromRefusal(decision);

        const from = application.status;
        application.status = decision.to;
        if (input.action === 'return') {
          application.returnedOn = today;
          application.reviseBy = input.reviseBy ?? null;
        }
        recordHistory(scope, application, {
          action: input.action,
          from,
          comment:
            input.reviseBy === undefined ? input.comment : `${input.comment ?? ''}（reviseBy ${input.reviseBy}）`,
          article: decision.article,
        });
        // DOMAIN.md §3: a returned application will change; the waivers given on it as it stood lapse.
        if (input.action === 'return') lapseWaivers(application, WAIVER_LAPSES.returned, today);
        if ((input.action === 'return' || input.action === 'reject') && REVIEWED.has(from)) {
          await archiveReview(em, application.id, `${input.action}: ${input.comment ?? ''}`);
        }
        if (input.action === 'file') {
          await this.fileCenter(scope, application, caller, input.documentRef);
          return;
        }
        scope.record(STEP_EVENTS[input.action], {
          subject: application.id,
          aggregateVersion: nextEventVersion(application),
          data: applicationEventData(
            application,
            { from, to: decision.to, article: decision.article, comment: input.comment },
            caller,
          ),
        });
      },
      (em) => this.applications.view(em, input.id, caller),
    );
  }

  /** DOMAIN.md §2: DST waives a failing principle rule with a reason (decideWaiver); hard rules cannot be waived. */
  waive(input: WaiverInput, caller: Caller): Promise<ApplicationDto> {
    return this.uow.run(
      RecordWaiver,
      input,
      async (scope) => {
        const { em } = scope;
        const application = await em.getRepository(Application).findVisibleForUpdate(input.id, caller);
        const decision = requireWaiver(caller, {
          subject: 'application',
          rule: input.rule,
          findings: await this.waivable(em, application),
          waivers: application.waivers,
        });
        assertVersion(input.version, application.version);
        if (!WAIVABLE.has(application.status)) throw refuse(APPLICATION_REFUSALS.waiver_outside_review);
        const waiver = {
          rule: input.rule,
          article: decision.article,
          reason: input.reason,
          recordedBy: caller.name,
          recordedAt: new Date().toISOString(),
          // DOMAIN.md §3: bound to the finding as it stands, so that it lapses when those facts change.
          finding: decision.finding,
        };
        application.waivers = [...application.waivers, waiver];
        recordHistory(scope, application, {
          action: 'waive',
          from: application.status,
          comment: `${input.rule}: ${input.reason}`,
          article: decision.article,
        });
      },
      (em) => this.applications.view(em, input.id, caller),
    );
  }

  private async contextFor(
    em: EntityManager,
    application: Application,
    input: TransitionInput,
    eligibility: Finding[],
  ): Promise<ApplicationContext> {
    const comment = input.comment === undefined ? {} : { comment: input.comment };
    switch (input.action) {
      case 'submit': {
        // A11: a returned application is resubmitted by its reviewer's date; the window bounds first submissions.
        if (application.returnedOn !== null) {
          return { revision: { reviseBy: application.reviseBy, today: this.clock.today() }, eligibility };
        }
        const call = await em.getRepository(Call).ofApplication(application);
        return { callWindowOpen: call.isOpenOn(this.clock.today()), eligibility };
      }
      case 'pass_formal_review':
        return { ...comment, eligibility };
      case 'shortlist': {
        const assignments = em.getRepository(ReviewAssignment);
        return {
          ...comment,
          expertScores: await assignments.scoredCount(application.id),
          expertsAwaited: await assignments.awaitedCount(application.id),
        };
      }
      case 'pass_supporting_review':
      case 'recommend':
      case 'return':
      case 'reject':
      case 'withdraw':
      case 'file':
        return comment;
    }
  }

  private async findings(em: EntityManager, application: Application) {
    return applicationFindings(application, await em.getRepository(Organization).supportingUnitOf(application));
  }

  // A12 last paragraph: a waiver may also be of the relaxed standards of the track the application asks for.
  private async waivable(em: EntityManager, application: Application) {
    return [...(await this.findings(em, application)), ...trackFindings(application.requestedTrack)];
  }

  // A13(四): the approval is filed with the committee office; the center records the date.
  private async fileCenter(
    scope: CommandScope,
    application: Application,
    caller: Caller,
    documentRef: string | undefined,
  ): Promise<void> {
    const center = await scope.em.getRepository(Center).findForApplication(application.id);
    const filedOn = this.clock.today();
    center.filedOn = filedOn;
    scope.record(CenterFiled, {
      subject: center.id,
      aggregateVersion: nextEventVersion(center),
      data: {
        centerId: center.id,
        name: { zh: center.nameZh, en: center.nameEn },
        filedOn,
        ...(documentRef ? { documentRef } : {}),
        actor: eventActor(caller),
      },
    });
  }
}

// A11, D-revision: only a return sets a date for the revision, and it cannot lie in the past.
function assertReviseBy(input: TransitionInput, today: string): void {
  if (input.reviseBy === undefined) return;
  const field = (message: string) => ({ errors: [{ path: 'reviseBy', message }] });
  if (input.action !== 'return') {
    throw refuse(APPLICATION_REFUSALS.revise_by_not_a_return, {}, field('only a return sets it'));
  }
  if (input.reviseBy < today) throw refuse(APPLICATION_REFUSALS.revise_by_past, { today }, field(`before ${today}`));
}
