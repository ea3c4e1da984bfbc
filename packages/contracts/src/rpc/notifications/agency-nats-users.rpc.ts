import { z } from 'zod';

import { entityId, instant } from '../../schemas';
import { defineRpc } from '../define-rpc';

const connectionShape = {
  orgId: entityId,
  user: z.string().describe('the NATS user name, agency_<the organization id’s hex digits>'),
  inboxPrefix: z.string().describe('connect with this inbox prefix: replies to the agency arrive only under it'),
  durable: z.string().describe('the only durable consumer the agency may create and read, named after the user'),
  stream: z.string().describe('the JetStream stream of the platform’s events, TIC_EVENTS'),
  filterSubject: z.string().describe('the durable’s filter subject: every event, tic.events.>'),
};

export const agencyNatsUserSchema = z.object({
  ...connectionShape,
  createdBy: z.string().describe('the DST user who created or last rotated it'),
  createdAt: instant,
  revokedAt: instant.nullable().describe('set once revoked: the next render leaves the user out'),
});
export type AgencyNatsUserDto = z.output<typeof agencyNatsUserSchema>;

export const IssueAgencyNatsUser = defineRpc({
  service: 'notifications',
  operation: 'agency_nats_users.issue',
  summary:
    'CONTRACT.md (Events, way 2): DST creates an agency’s NATS user, or rotates its password; the password is answered this once and kept only as a bcrypt hash. It takes effect when the operator renders the users and reloads NATS',
  request: z.object({ orgId: entityId }),
  response: agencyNatsUserSchema.extend({
    password: z.string().describe('shown once: the platform keeps only its bcrypt hash'),
  }),
});

export const GetAgencyNatsUser = defineRpc({
  service: 'notifications',
  operation: 'agency_nats_users.get',
  summary: 'An agency’s NATS user and its connection settings, without the password (DST)',
  request: z.object({ orgId: entityId }),
  response: agencyNatsUserSchema,
});

export const RevokeAgencyNatsUser = defineRpc({
  service: 'notifications',
  operation: 'agency_nats_users.revoke',
  summary:
    'DST revokes an agency’s NATS user: the next render leaves it out, and after the reload it can no longer connect',
  request: z.object({ orgId: entityId }),
  response: agencyNatsUserSchema,
});
