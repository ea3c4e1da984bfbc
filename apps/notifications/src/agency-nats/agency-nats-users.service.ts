import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type AgencyNatsUserDto, GetAgencyNatsUser, IssueAgencyNatsUser, RevokeAgencyNatsUser } from '@tic/contracts';
import type { ResourceFacts } from '@tic/domain';
import {
  type Caller,
  currentCallContext,
  defineRefusals,
  type In,
  newCorrelationId,
  refuse,
  requireAccess,
  runInCallContext,
  UnitOfWork,
} from '@tic/platform';

import { agencyConnectionSettings } from './agency-nats-config';
import { AgencyNatsUser } from './agency-nats-user.entity';
import { hashAgencyPassword, newAgencyPassword } from './agency-password';

/** The refusals of agencies' NATS users, by stable code `agency_nats_user.<name>`. */
export const AGENCY_NATS_USER_REFUSALS = defineRefusals('agency_nats_user', {
  none: {
    status: 'not_found',
    zh: 'orgId：该机构没有NATS用户',
    en: 'orgId: this organization has no NATS user',
  },
});

const FACTS: ResourceFacts = { kind: 'agency_nats_user' };

/** CONTRACT.md (Events, way 2): DST gives an agency a NATS user of its own, rotates its password, revokes it. */
@Injectable()
export class AgencyNatsUsersService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  /** Creates the user or rotates its password (and lifts a revocation); the password is answered only here. */
  async issue(input: In<typeof IssueAgencyNatsUser>, caller: Caller) {
    requireAccess(caller, 'agency_nats_user.manage', FACTS);
    const password = newAgencyPassword();
    // Hashed before the transaction: bcrypt takes a while and needs no lock.
    const passwordHash = await hashAgencyPassword(password);
    // Without the Idempotency-Key: the unit of work would record the answer, password and all, for replays.
    // A retry rotates the password again instead, and the last answer is the one that works.
    const { idempotencyKey: _key, ...context } = currentCallContext() ?? { correlationId: newCorrelationId() };
    return runInCallContext(context, () =>
      this.uow.run(IssueAgencyNatsUser, input, async ({ em }) => {
        const user = await em.getRepository(AgencyNatsUser).issue(input.orgId, passwordHash, caller.name);
        return { ...toAgencyNatsUserDto(user), password };
      }),
    );
  }

  async get(input: In<typeof GetAgencyNatsUser>, caller: Caller): Promise<AgencyNatsUserDto> {
    requireAccess(caller, 'agency_nats_user.read', FACTS);
    const user = await this.entityManager.fork().findOne(AgencyNatsUser, { orgId: input.orgId });
    if (user === null) throw refuse(AGENCY_NATS_USER_REFUSALS.none);
    return toAgencyNatsUserDto(user);
  }

  /** Revokes the user; revoking a revoked one changes nothing and answers when it was revoked. */
  revoke(input: In<typeof RevokeAgencyNatsUser>, caller: Caller): Promise<AgencyNatsUserDto> {
    requireAccess(caller, 'agency_nats_user.manage', FACTS);
    return this.uow.run(RevokeAgencyNatsUser, input, async ({ em }) => {
      const user = await em.getRepository(AgencyNatsUser).forUpdate(input.orgId);
      if (user === null) throw refuse(AGENCY_NATS_USER_REFUSALS.none);
      user.revokedAt ??= new Date();
      return toAgencyNatsUserDto(user);
    });
  }
}

/** The user as DST sees it: the connection settings, who created it and when; never the hash. */
export function toAgencyNatsUserDto(user: AgencyNatsUser): AgencyNatsUserDto {
  return {
    orgId: user.orgId,
    ...agencyConnectionSettings(user.userName),
    createdBy: user.createdBy,
    createdAt: user.createdAt.toISOString(),
    revokedAt: user.revokedAt?.toISOString() ?? null,
  };
}
