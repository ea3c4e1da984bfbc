import { LockMode } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';

import { agencyNatsUserName } from './agency-nats-config';
import { AgencyNatsUser } from './agency-nats-user.entity';

/** Agencies' NATS users: the one of an organization, and those the server should know. */
export class AgencyNatsUserRepository extends EntityRepository<AgencyNatsUser> {
  /**
   * Creates the organization's user or gives it a new password hash (lifting a revocation), in one
   * statement, so two DST users creating the same agency at once both succeed and the last hash wins.
   */
  issue(orgId: string, passwordHash: string, createdBy: string): Promise<AgencyNatsUser> {
    return this.em.upsert(
      AgencyNatsUser,
      { orgId, userName: agencyNatsUserName(orgId), passwordHash, createdBy, createdAt: new Date(), revokedAt: null },
      { onConflictFields: ['orgId'], onConflictAction: 'merge' },
    );
  }

  /** An organization's user, locked for the rest of the transaction. */
  forUpdate(orgId: string): Promise<AgencyNatsUser | null> {
    return this.findOne({ orgId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Every user not revoked, the set a render writes into users.conf. */
  active(): Promise<AgencyNatsUser[]> {
    return this.find({ revokedAt: null }, { orderBy: { userName: 'asc' } });
  }
}
