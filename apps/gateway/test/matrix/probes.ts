import type { Probe } from './probe';
import { AGENCY_NATS_PROBES } from './probes-agency-nats';
import { APPLICATION_PROBES } from './probes-applications';
import { FUNDING_PROBES } from './probes-funding';
import { INBOX_PROBES } from './probes-inbox';
import { PERSONNEL_PROBES } from './probes-personnel';
import { PUBLIC_RECORD_PROBES } from './probes-public-record';
import { RECTIFICATION_PROBES } from './probes-rectifications';
import { REPORT_PROBES } from './probes-reports';
import { REVOCATION_PROBES } from './probes-revocation';
import { ROUND_PROBES } from './probes-rounds';
import { WEBHOOK_PROBES } from './probes-webhooks';

/** One probe per route of /docs-json, keyed `METHOD /api/v1/path/{param}` as the document names it. */
export const PROBES: Readonly<Record<string, Probe>> = {
  ...APPLICATION_PROBES,
  ...PERSONNEL_PROBES,
  ...REVOCATION_PROBES,
  ...RECTIFICATION_PROBES,
  ...PUBLIC_RECORD_PROBES,
  ...ROUND_PROBES,
  ...REPORT_PROBES,
  ...AGENCY_NATS_PROBES,
  ...WEBHOOK_PROBES,
  ...FUNDING_PROBES,
  ...INBOX_PROBES,
};
