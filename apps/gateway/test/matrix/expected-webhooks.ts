import { notFound, ok, refused, type Row, seen, unseen } from './outcomes';

const NOT_SEEN = notFound('webhook_subscription');
// An agency reads its own subscriptions, DST every agency's; no one else knows of them.
const READ: Row = {
  roles: ['agency', 'dst_admin'],
  owner: { agency: ok(), dst_admin: ok() },
  foreign: { agency: NOT_SEEN },
};
const MANAGE: Row = { roles: ['agency'], owner: { agency: ok() }, foreign: { agency: NOT_SEEN } };

/** Webhook subscriptions (CONTRACT.md, Events, way 1), in calling order: create, reads, changes, delete. */
export const WEBHOOK_ROWS: Readonly<Record<string, Row>> = {
  'POST /api/v1/webhook-subscriptions': { roles: ['agency'], owner: { agency: ok(201) }, foreign: { agency: ok(201) } },
  'GET /api/v1/webhook-subscriptions': {
    roles: ['agency', 'dst_admin'],
    owner: { agency: seen, dst_admin: seen },
    foreign: { agency: unseen },
  },
  'GET /api/v1/webhook-subscriptions/{id}': READ,
  'GET /api/v1/webhook-subscriptions/{id}/deliveries': READ,
  'PUT /api/v1/webhook-subscriptions/{id}': MANAGE,
  'POST /api/v1/webhook-subscriptions/{id}/secret-rotation': MANAGE,
  'POST /api/v1/webhook-subscriptions/{id}/replay': MANAGE,
  // Enabling one that is not disabled is a conflict, not a change.
  'POST /api/v1/webhook-subscriptions/{id}/enable': {
    roles: ['agency'],
    owner: { agency: refused(409, 'webhook.not_disabled') },
    foreign: { agency: NOT_SEEN },
  },
  'DELETE /api/v1/webhook-subscriptions/{id}': MANAGE,
};
