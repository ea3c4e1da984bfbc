import { ROLES, type Role } from '@tic/domain';

import { AUTHORITIES, each, notFound, ok, seen, unseen, type Row } from './outcomes';

const OTHERS: readonly Role[] = ROLES.filter((role) => role !== 'supporting_unit');
const UNIT_SIDE: readonly Role[] = ROLES.filter((role) => !AUTHORITIES.includes(role));

/** DOMAIN.md §7: every role has its organization's inbox; the owner's message is the supporting unit's alone. */
export const INBOX_ROWS: Readonly<Record<string, Row>> = {
  'GET /api/v1/inbox': {
    roles: ROLES,
    owner: { ...each(OTHERS, unseen), supporting_unit: seen },
    foreign: each(UNIT_SIDE, unseen),
  },
  'GET /api/v1/inbox/unread-count': { roles: ROLES, owner: each(ROLES, ok()), foreign: each(UNIT_SIDE, ok()) },
  'GET /api/v1/inbox/email-settings': { roles: ROLES, owner: each(ROLES, ok()), foreign: each(UNIT_SIDE, ok()) },
  'POST /api/v1/inbox/{id}/read': {
    roles: ROLES,
    owner: { ...each(OTHERS, notFound('notification')), supporting_unit: ok() },
    foreign: each(UNIT_SIDE, notFound('notification')),
  },
  'POST /api/v1/inbox/read-all': { roles: ROLES, owner: each(ROLES, ok()), foreign: each(UNIT_SIDE, ok()) },
  'PUT /api/v1/inbox/email-settings': { roles: ROLES, owner: each(ROLES, ok()), foreign: each(UNIT_SIDE, ok()) },
};
