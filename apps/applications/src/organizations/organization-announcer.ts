import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { z } from 'zod';

import { OrganizationRegistered } from '@tic/contracts';
import { EventOutbox, type RecordEvent } from '@tic/platform';

import { Organization } from './organization.entity';

/** tic.organization.registered for a unit: the first and only event of the unit. */
export function registrationOf(unit: Organization): RecordEvent<z.input<typeof OrganizationRegistered.data>> {
  return {
    subject: unit.id,
    aggregateVersion: 1,
    data: {
      organizationId: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      kind: unit.kind,
      legalPerson: unit.legalPerson,
      isRecommender: unit.isRecommender,
    },
  };
}

/**
 * Records tic.organization.registered for every unit not announced yet, and marks them, in one
 * transaction: the units the seeds upsert (they write no outbox rows) and those registered before the
 * event existed. Running it again records nothing; instances running it at once lock disjoint rows.
 */
export async function announceOrganizations(em: EntityManager, outbox: EventOutbox): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const units = await tx.getRepository(Organization).unannounced();
    for (const unit of units) outbox.record(tx, OrganizationRegistered, registrationOf(unit));
    if (units.length > 0) {
      // A native update: announcing is no change of the unit, so its row version stays.
      await tx.nativeUpdate(Organization, { id: { $in: units.map((u) => u.id) } }, { announcedAt: new Date() });
    }
    return units.length;
  });
}

/** Announces at the service's start what the seeds and earlier versions left unannounced. */
@Injectable()
export class OrganizationAnnouncer implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganizationAnnouncer.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: EventOutbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const announced = await this.announce();
    if (announced > 0) this.logger.log(`announced ${announced} organizations registered without an event`);
  }

  announce(): Promise<number> {
    return announceOrganizations(this.orm.em, this.outbox);
  }
}
