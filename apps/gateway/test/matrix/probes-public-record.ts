import type { Probe } from './probe';

/** The public record's routes that take a token (the public ones are called without one, as they are). */
export const PUBLIC_RECORD_PROBES: Record<string, Probe> = {
  'GET /api/v1/centers/export': { request: () => ({ path: '/centers/export' }) },
  'GET /api/v1/centers/statistics': { request: () => ({ path: '/centers/statistics' }) },
};
