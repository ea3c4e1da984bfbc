import { randomUUID } from 'node:crypto';

import { dstRead, type Probe } from './probe';

// One agency organization for the run: the NATS user service keeps no registry of organizations.
const AGENCY_ORG = randomUUID();
const natsUser = `/agencies/${AGENCY_ORG}/nats-user`;

export const AGENCY_NATS_PROBES: Readonly<Record<string, Probe>> = {
  'POST /api/v1/agencies/{orgId}/nats-user': {
    request: () => ({ path: natsUser }),
    readBack: (m) => dstRead(m, natsUser),
  },
  'GET /api/v1/agencies/{orgId}/nats-user': { request: () => ({ path: natsUser }) },
  'DELETE /api/v1/agencies/{orgId}/nats-user': {
    request: () => ({ path: natsUser }),
    readBack: (m) => dstRead(m, natsUser),
  },
};
