import type { FilterQuery } from '@mikro-orm/core';

import { listScope, type ResourceFacts } from '@tic/domain';
import type { Caller } from '@tic/platform';

import type { Notification } from './notification.entity';

/** The facts the policy decides a message on: whose inbox it is in. */
export function notificationFacts(notification: Notification): ResourceFacts {
  return { kind: 'notification', recipientOrgId: notification.organizationId };
}

/**
 * The messages the caller reads, from the policy's list scope: its organization's (DOMAIN.md §7), and
 * of those addressed to one user only the caller's own. Null when the scope admits none.
 */
export function inboxFilter(caller: Caller): FilterQuery<Notification> | null {
  const scope = listScope(caller, 'notification');
  if (!('anyOf' in scope)) return 'all' in scope ? forUser(caller, {}) : null;
  const organizations = scope.anyOf.filter(({ field }) => field === 'recipientOrgId').map(({ equals }) => equals);
  if (organizations.length === 0) return null;
  return forUser(caller, { organizationId: { $in: organizations } });
}

function forUser(caller: Caller, filter: FilterQuery<Notification>): FilterQuery<Notification> {
  return { $and: [filter, { $or: [{ userId: null }, { userId: caller.userId }] }] };
}
