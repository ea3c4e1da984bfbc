import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { type GetEmailSettings, SetEmailSettings } from '@tic/contracts';
import type { ResourceFacts } from '@tic/domain';
import { type Caller, type In, requireAccess, UnitOfWork } from '@tic/platform';

import { EmailSettings } from './email-settings.entity';

/** DOMAIN.md §7: each organization chooses which kinds of message reach it by email; its own users read and set it. */
@Injectable()
export class EmailSettingsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async get(_input: In<typeof GetEmailSettings>, caller: Caller) {
    requireAccess(caller, 'email_settings.read', ownSettings(caller));
    const settings = await this.entityManager.fork().findOne(EmailSettings, { organizationId: caller.orgId });
    return toDto(settings);
  }

  set(input: In<typeof SetEmailSettings>, caller: Caller) {
    return this.uow.run(SetEmailSettings, input, async ({ em }) => {
      requireAccess(caller, 'email_settings.update', ownSettings(caller));
      const values = {
        kinds: [...new Set(input.kinds)].sort(),
        // Addresses compare without case, as mail systems deliver them.
        addresses: [...new Map(input.addresses.map((a) => [a.toLowerCase(), a])).values()],
        language: input.language,
        updatedBy: caller.userId,
        updatedAt: new Date(),
      };
      const settings = await em.findOne(EmailSettings, { organizationId: caller.orgId });
      if (settings === null) {
        const created = em.create(EmailSettings, { organizationId: caller.orgId, ...values });
        em.persist(created);
        return toDto(created);
      }
      em.assign(settings, values);
      return toDto(settings);
    });
  }
}

// A caller's settings are always its own organization's: the policy still decides who may change them.
function ownSettings(caller: Caller): ResourceFacts {
  return { kind: 'email_settings', recipientOrgId: caller.orgId };
}

function toDto(settings: EmailSettings | null) {
  if (settings === null) return { kinds: [], addresses: [], language: 'zh' as const, updatedAt: null };
  return {
    kinds: settings.kinds as In<typeof SetEmailSettings>['kinds'],
    addresses: settings.addresses,
    language: settings.language,
    updatedAt: settings.updatedAt.toISOString(),
  };
}
