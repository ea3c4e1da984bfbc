import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { requireAccess, RpcFailure, type Caller } from '@tic/platform';

import { Organization } from '../organizations/organization.entity';
import { Expert } from '../reviews/expert.entity';
import { ReviewAssignment } from '../reviews/review-assignment.entity';
import { ApplicationHistory } from './application-history.entity';
import { Application } from './application.entity';
import { applicationFacts, scopeUsesAssignments } from '../access/application-scope';

const APPLICATION = { zh: '申报', en: 'Application' };

/** Loads what reading or changing an application needs, within the caller's scope. */
@Injectable()
export class ApplicationLoader {
  /** The application if the caller may see it; otherwise 404, so that existence does not leak. */
  async load(em: EntityManager, id: string, caller: Caller, lock = false): Promise<Application> {
    const application = await em.findOne(Application, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!application) throw RpcFailure.notFound(APPLICATION);
    const assigned = scopeUsesAssignments(caller, 'application') && (await this.isAssigned(em, id, caller.userId));
    requireAccess(caller, 'application.read', applicationFacts(application, assigned ? [caller.userId] : []));
    return application;
  }

  async supportingUnit(em: EntityManager, application: Application): Promise<Organization> {
    return em.findOneOrFail(Organization, { id: application.supportingUnitId });
  }

  async history(em: EntityManager, applicationId: string): Promise<ApplicationHistory[]> {
    return em.find(ApplicationHistory, { applicationId }, { orderBy: { seq: 'asc' } });
  }

  /** Ids of the applications an expert is drawn for (and has not recused from). */
  async assignedApplicationIds(em: EntityManager, userId: string): Promise<string[]> {
    const expert = await em.findOne(Expert, { userId });
    if (!expert) return [];
    const assignments = await em.find(ReviewAssignment, { expertId: expert.id, status: { $in: ['assigned', 'scored'] } });
    return assignments.map((a) => a.applicationId);
  }

  private async isAssigned(em: EntityManager, applicationId: string, userId: string): Promise<boolean> {
    return (await this.assignedApplicationIds(em, userId)).includes(applicationId);
  }
}
