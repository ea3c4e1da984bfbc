import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

import type { DrawExpertsForAcceptance, RpcResponse } from '@tic/contracts';
import { recusedOrganizations } from '@tic/domain';
import { type Caller, type In, refuse, requireAccess } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import { Expert } from './expert.entity';
import { REVIEW_REFUSALS } from './reviews.refusals';
import { seededShuffle } from './seeded-shuffle';

/**
 * A30: the experts of a rectification's acceptance, drawn as the application review's are (A13(三)): the
 * pool of the center's field, 回避 of every unit of the center (above or below it in the registry), a
 * secure random seed that with the shuffled pool reproduces the draw. The evaluations service keeps it.
 */
@Injectable()
export class AcceptanceDrawService {
  constructor(private readonly entityManager: EntityManager) {}

  async draw(
    input: In<typeof DrawExpertsForAcceptance>,
    caller: Caller,
  ): Promise<RpcResponse<typeof DrawExpertsForAcceptance>> {
    const em = this.entityManager.fork();
    const centers = em.getRepository(Center);
    const center = await centers.findVisible(input.centerId, caller);
    requireAccess(caller, 'rectification.draw_experts', centers.facts(center));
    const recused = recusedOrganizations(center, await em.getRepository(Organization).hierarchy());
    const candidates = await em.getRepository(Expert).eligibleFor(center, recused);
    if (candidates.length < input.count) {
      throw refuse(REVIEW_REFUSALS.too_few_experts, { available: candidates.length, needed: input.count });
    }
    // Issue 9: nobody chooses the seed; it is drawn here and returned so the draw can be audited.
    const seed = randomBytes(16).toString('hex');
    const pool = seededShuffle(
      candidates.map((e) => e.id),
      seed,
    );
    const byId = new Map(candidates.map((e) => [e.id, e]));
    const experts = pool.slice(0, input.count).map((id) => {
      const expert = byId.get(id) as Expert;
      return { expertId: expert.id, userId: expert.userId, name: expert.name, orgId: expert.orgId };
    });
    return { seed, pool, experts };
  }
}
