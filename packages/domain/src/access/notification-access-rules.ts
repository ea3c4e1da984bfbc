import { ROLES } from '../roles';
import type { AccessRule, Grants } from './access-rules';

// DOMAIN.md §7: an organization's own users act on its inbox and its email choices (DST's for DST).
const OWN_USERS: Grants = Object.fromEntries(ROLES.map((role) => [role, ['recipientOrgId'] as const]));

/**
 * CONTRACT.md (Events): who reads the platform's events and subscribes to them. Agencies integrate
 * with the platform through them; DST and the committee office read them as well.
 */
export const NOTIFICATION_ACCESS_RULES = {
  'event_feed.read': {
    grants: { dst_admin: 'any', committee_office: 'any', agency: 'any' },
    code: 'event_feed.not_a_reader',
    message: {
      zh: '只有省科技厅、省委科技委办公室和订阅机构可以读取事件',
      en: 'Only DST, the committee office and agencies read the platform’s events',
    },
  },
  'notification.mark_read': {
    grants: OWN_USERS,
    code: 'notification.not_yours',
    message: { zh: '只能处理本单位的消息', en: 'Only your own organization’s messages can be marked read' },
  },
  'email_settings.update': {
    grants: OWN_USERS,
    code: 'email_settings.not_yours',
    message: { zh: '只能设置本单位的邮件通知', en: 'Only your own organization’s email settings can be changed' },
  },
} as const satisfies Record<string, AccessRule>;
