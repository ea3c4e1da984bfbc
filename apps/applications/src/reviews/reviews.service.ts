import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';

import {
  DeclareConflict,
  DrawExperts,
  RegisterExpert,
  ScoreApplication,
  type ListExperts,
  type ReviewDto,
} from '@tic/contracts';
import { can, listScope, recusedOrganizations } from '@tic/domain';
import { type Caller, newId, pageOf, refuse, requireAccess, RpcFailure, UnitOfWork } from '@tic/platform';

import { Application } from '../applications/application.entity';
import { Organization } from '../organizations/organization.entity';
import { Expert } from './expert.entity';
import { ReviewAssignment } from './review-assignment.entity';
import { ReviewDraw } from './review-draw.entity';
import { seededShuffle } from './seeded-shuffle';
import { summarizeScores } from './score-summary';
import { REVIEW_REFUSALS } from './reviews.refusals';

/** A13(三), DOMAIN.md §7: the expert pool, the reproducible draw with 回避, recusals and scores. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async register(input: z.output<typeof RegisterExpert.request>, caller: Caller) {
    requireAccess(caller, 'expert.register', { kind: 'expert' });
    try {
      return await this.uow.run(
        RegisterExpert,
        input,
        async ({ em }) => {
          if (!(await em.getRepository(Organization).byId(input.orgId)))
            throw RpcFailure.invalidInput([{ path: 'orgId', message: 'no such unit' }]);
          return em.create(Expert, {
            id: newId(),
            userId: input.userId,
            name: input.name,
            orgId: input.orgId,
            fields: input.fields,
          });
        },
        (_em, expert) => Promise.resolve(toExpertDto(expert)),
      );
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw refuse(REVIEW_REFUSALS.expert_in_pool);
      throw error;
    }
  }

  async list(input: z.output<typeof ListExperts.request>, caller: Caller) {
    requireAccess(caller, 'expert.list', { kind: 'expert' });
    const matching = await this.em().getRepository(Expert).listed(input.cursor, input.field);
    return pageOf(matching, input.limit, (row) => row.id, toExpertDto);
  }

  draw(input: z.output<typeof DrawExperts.request>, caller: Caller): Promise<ReviewDto> {
    return this.uow.run(
      DrawExperts,
      input,
      async ({ em }) => {
        const applications = em.getRepository(Application);
        const application = await applications.findVisibleForUpdate(input.applicationId, caller);
        requireAccess(caller, 'review.draw', await applications.facts(application));
        if (application.status !== 'expert_review') {
          throw refuse(REVIEW_REFUSALS.not_in_expert_review);
        }
        if (await em.getRepository(ReviewDraw).ofApplication(application.id)) {
          throw refuse(REVIEW_REFUSALS.already_drawn);
        }
        // 回避: no expert from an insider organization of the application, above or below it in the registry.
        const recused = recusedOrganizations(application, await em.getRepository(Organization).hierarchy());
        const candidates = await em.getRepository(Expert).eligibleFor(application, recused);
        const needed = input.count + input.reserves;
        if (candidates.length < needed) {
          throw refuse(REVIEW_REFUSALS.too_few_experts, { available: candidates.length, needed });
        }
        // Issue 9: nobody chooses the seed; it is drawn here and recorded so the draw can be audited.
        const seed = randomBytes(16).toString('hex');
        const order = seededShuffle(
          candidates.map((e) => e.id),
          seed,
        );
        em.persist(
          em.create(ReviewDraw, {
            applicationId: application.id,
            seed,
            reviewers: input.count,
            reserves: input.reserves,
            pool: order,
            drawnBy: caller.name,
            drawnAt: new Date(),
          }),
        );
        order.slice(0, needed).forEach((expertId, rank) => {
          const reviewer = rank < input.count;
          em.persist(
            em.create(ReviewAssignment, {
              applicationId: application.id,
              expertId,
              rank,
              role: reviewer ? 'reviewer' : 'reserve',
              status: reviewer ? 'assigned' : 'standby',
            }),
          );
        });
      },
      (em) => this.view(em, input.applicationId, caller),
    );
  }

  /** An expert declares a conflict; the next reserve on standby takes the place. */
  recuse(input: z.output<typeof DeclareConflict.request>, caller: Caller): Promise<ReviewDto> {
    const { applicationId, reason } = input;
    return this.uow.run(
      DeclareConflict,
      input,
      async ({ em }) => {
        const mine = await this.ownAssignment(em, applicationId, caller);
        if (mine.status !== 'assigned') throw refuse(REVIEW_REFUSALS.recusal_after_scoring);
        mine.status = 'recused';
        mine.recusalReason = reason;
        const reserve = await em.getRepository(ReviewAssignment).nextReserveForUpdate(applicationId);
        if (reserve) {
          reserve.status = 'assigned';
          reserve.role = 'reviewer';
        }
        // The expert no longer sees the application, but sees that the recusal was recorded.
      },
      (em) => this.view(em, applicationId, caller),
    );
  }

  score(input: z.output<typeof ScoreApplication.request>, caller: Caller): Promise<ReviewDto> {
    return this.uow.run(
      ScoreApplication,
      input,
      async ({ em }) => {
        // Locked first, so that a score cannot slip in beside a concurrent return or shortlist.
        const application = await em.getRepository(Application).findVisibleForUpdate(input.applicationId, caller);
        const mine = await this.ownAssignment(em, input.applicationId, caller);
        if (application.status !== 'expert_review') throw refuse(REVIEW_REFUSALS.not_in_expert_review);
        if (mine.status !== 'assigned') throw refuse(REVIEW_REFUSALS.already_scored);
        mine.status = 'scored';
        mine.score = input.score;
        mine.opinion = input.opinion;
        mine.scoredAt = new Date();
      },
      (em) => this.view(em, input.applicationId, caller),
    );
  }

  async get(applicationId: string, caller: Caller): Promise<ReviewDto> {
    const em = this.em();
    await em.getRepository(Application).findVisible(applicationId, caller);
    return this.view(em, applicationId, caller);
  }

  private async view(em: EntityManager, applicationId: string, caller: Caller): Promise<ReviewDto> {
    const draw = await em.getRepository(ReviewDraw).ofApplication(applicationId);
    if (!draw) throw refuse(REVIEW_REFUSALS.draw_not_found);
    const assignments = await em.getRepository(ReviewAssignment).ofApplication(applicationId);
    const experts = await em.getRepository(Expert).byIds(assignments.map((a) => a.expertId));
    // An expert sees only their own assignment; DST sees every score, the mean and the spread.
    const userOf = new Map(experts.map((e) => [e.id, e.userId]));
    const visible = assignments.filter(
      (a) => can(caller, 'review.read', { kind: 'review', assignedUserIds: [userOf.get(a.expertId) ?? ''] }).allowed,
    );
    const seesAll = 'all' in listScope(caller, 'review');
    return {
      applicationId,
      seed: seesAll ? draw.seed : null,
      drawnAt: draw.drawnAt.toISOString(),
      assignments: visible.map((a) => {
        const expert = experts.find((e) => e.id === a.expertId);
        return {
          expertId: a.expertId,
          name: expert?.name ?? '',
          orgId: expert?.orgId ?? a.expertId,
          role: a.role,
          status: a.status,
          score: a.score,
          opinion: a.opinion,
          scoredAt: a.scoredAt?.toISOString() ?? null,
        };
      }),
      summary: summarizeScores(
        seesAll ? assignments.filter((a) => a.status === 'scored').map((a) => a.score ?? 0) : [],
      ),
    };
  }

  private async ownAssignment(em: EntityManager, applicationId: string, caller: Caller): Promise<ReviewAssignment> {
    const expert = await em.getRepository(Expert).findByUser(caller.userId);
    const assignment = expert ? await em.getRepository(ReviewAssignment).findForUpdate(applicationId, expert.id) : null;
    // A13: only the expert drawn scores or recuses; anyone else learns nothing of the assignment.
    requireAccess(caller, 'review.score', {
      kind: 'review',
      assignedUserIds: assignment && expert ? [expert.userId] : [],
    });
    if (!assignment) throw refuse(REVIEW_REFUSALS.assignment_not_found);
    return assignment;
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

function toExpertDto(e: Expert) {
  return { id: e.id, userId: e.userId, name: e.name, orgId: e.orgId, fields: e.fields, active: e.active };
}
