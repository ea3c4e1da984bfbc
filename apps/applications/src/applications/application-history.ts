import type { EntityManager } from '@mikro-orm/postgresql';

import type { ApplicationDto } from '@tic/contracts';
import type { Actor, ApplicationStatus } from '@tic/domain';
import { HistoryEntry, type CommandScope, type HistoryActor } from '@tic/platform';

import type { Application } from './application.entity';

const AGGREGATE_TYPE = 'application';

/** One step of an application as A13 records it: the action, the status it left, comment and article. */
export interface ApplicationStep {
  readonly action: string;
  readonly from: ApplicationStatus;
  readonly comment?: string | undefined;
  readonly article: string;
  /** Who acted, when it is not the caller (the public filing an objection). */
  readonly actor?: HistoryActor;
}

/** Appends the step to the application's history, in the command's transaction. */
export function recordHistory(scope: CommandScope, application: Application, step: ApplicationStep): void {
  scope.history(application, {
    aggregateType: AGGREGATE_TYPE,
    action: step.action,
    from: step.from,
    to: application.status,
    comment: step.comment ?? null,
    article: step.article,
    ...(step.actor === undefined ? {} : { actor: step.actor }),
  });
}

/** The application's history as the public DTO shows it (A13: who, in which role, when, from, to, comment, article). */
export async function applicationHistory(em: EntityManager, applicationId: string): Promise<ApplicationDto['history']> {
  const entries = await em.getRepository(HistoryEntry).of(AGGREGATE_TYPE, applicationId);
  return entries.map((h) => ({
    at: h.at.toISOString(),
    actorName: h.actorName ?? '',
    role: h.actorRole as Actor,
    action: h.action,
    from: h.fromStatus as ApplicationStatus,
    to: h.toStatus as ApplicationStatus,
    comment: h.comment,
    article: h.article ?? '',
  }));
}
