import type { Probe } from './probe';

/** DOMAIN.md §7: the inbox and email settings; a refused mark leaves the supporting unit's message unread. */
export const INBOX_PROBES: Record<string, Probe> = {
  'GET /api/v1/inbox': { request: () => ({ path: '/inbox?limit=200' }), listed: (m) => m.inbox.notificationId },
  'GET /api/v1/inbox/unread-count': { request: () => ({ path: '/inbox/unread-count' }) },
  'GET /api/v1/inbox/email-settings': { request: () => ({ path: '/inbox/email-settings' }) },
  'POST /api/v1/inbox/{id}/read': { request: (m) => ({ path: `/inbox/${m.inbox.notificationId}/read`, body: {} }) },
  'POST /api/v1/inbox/read-all': { request: () => ({ path: '/inbox/read-all', body: {} }) },
  'PUT /api/v1/inbox/email-settings': {
    request: () => ({
      path: '/inbox/email-settings',
      body: { kinds: ['tic.deadline.overdue'], addresses: [], language: 'zh' },
    }),
  },
};
