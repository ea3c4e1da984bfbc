import type { EntityManager } from '@mikro-orm/postgresql';

import { Organization } from '../organizations/organization.entity';
import { Expert } from '../reviews/expert.entity';
import { DEMO_EXPERTS, DEMO_UNITS } from './demo-units';
import { AUTHORITIES, RECOMMENDING_UNITS } from './recommending-units';

// Seeds are idempotent: stable ids, upserted, so running them again changes nothing.

/** A7's recommending units and the two provincial authorities; returns how many recommenders. */
export async function seedRecommendingUnits(em: EntityManager): Promise<number> {
  for (const authority of Object.values(AUTHORITIES)) {
    await em.upsert(Organization, {
      id: authority.id,
      name: authority.name,
      uscc: null,
      kind: 'government_department',
      legalPerson: true,
      regionCode: '210000',
      parentId: null,
      recommenderId: null,
      isRecommender: false,
      jurisdiction: null,
      version: 1,
      createdAt: new Date(),
    });
  }
  for (const unit of RECOMMENDING_UNITS) {
    await em.upsert(Organization, {
      id: unit.id,
      name: unit.name,
      uscc: null,
      kind: 'government_department',
      legalPerson: true,
      regionCode: unit.regionCode,
      parentId: null,
      recommenderId: null,
      isRecommender: true,
      jurisdiction: unit.jurisdiction,
      version: 1,
      createdAt: new Date(),
    });
  }
  return RECOMMENDING_UNITS.length;
}

/** The demo units and expert pool. */
export async function seedDemo(em: EntityManager): Promise<{ units: number; experts: number }> {
  for (const unit of DEMO_UNITS) {
    await em.upsert(Organization, {
      ...unit,
      regionCode: unit.domicileDivisionCode ?? unit.uscc?.slice(2, 8) ?? null,
      isRecommender: false,
      jurisdiction: null,
      version: 1,
      createdAt: new Date(),
    });
  }
  for (const expert of DEMO_EXPERTS) {
    await em.upsert(Expert, { ...expert, active: true, createdAt: new Date() });
  }
  return { units: DEMO_UNITS.length, experts: DEMO_EXPERTS.length };
}
