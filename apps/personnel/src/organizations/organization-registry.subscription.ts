import { defineSubscription, type EventSubscription } from '@tic/platform';

import { Organization } from './organization.entity';

/**
 * Keeps the registry's hierarchy from the applications service, so that a department below a
 * center's supporting or construction unit (or a co-building unit) counts as that unit's
 * (DOMAIN.md §3, insider organizations; A15, A16, A17, 回避). Redelivery upserts the same row.
 */
export function organizationRegistrySubscription(): EventSubscription {
  return defineSubscription({
    name: 'organization-registry',
    aggregate: 'organization',
    on: {
      'tic.organization.registered': (em, { data }) =>
        em
          .getRepository(Organization)
          .registered({ id: data.organizationId, parentId: data.parentId, name: data.name }),
    },
  });
}
