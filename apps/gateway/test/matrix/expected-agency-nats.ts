import { ok, type Row } from './outcomes';

/**
 * CONTRACT.md (Events, way 2): DST creates, reads and revokes an agency's NATS user, in this order
 * (the read and the revocation find the user the creation made); the AsyncAPI document is public.
 */
export const AGENCY_NATS_ROWS: Readonly<Record<string, Row>> = {
  'POST /api/v1/agencies/{orgId}/nats-user': { roles: ['dst_admin'], owner: { dst_admin: ok(201) } },
  'GET /api/v1/agencies/{orgId}/nats-user': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'DELETE /api/v1/agencies/{orgId}/nats-user': { roles: ['dst_admin'], owner: { dst_admin: ok() } },
  'GET /asyncapi.json': { roles: 'public', anonymous: ok() },
  'GET /asyncapi': { roles: 'public', anonymous: ok() },
};
