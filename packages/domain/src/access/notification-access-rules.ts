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
  // CONTRACT.md (Events, way 2): an agency's own NATS user, created, rotated and revoked by DST.
  'agency_nats_user.manage': {
    grants: { dst_admin: 'any' },
    refusesUnseen: true,
    code: 'agency_nats_user.not_dst',
    message: {
      zh: '只有省科技厅可以为订阅机构开设、轮换或撤销NATS用户',
      en: 'Only DST creates, rotates and revokes an agency’s NATS user',
    },
  },
  // Webhooks are the agencies' way in (way 1); DST reads them to help an agency, no one else knows of them.
  'webhook_subscription.use': {
    grants: { dst_admin: 'any', agency: 'any' },
    refusesUnseen: true,
    code: 'webhook_subscription.agencies_only',
    message: {
      zh: '只有订阅机构（及省科技厅查看）可以使用 Webhook 订阅',
      en: 'Webhook subscriptions are for agencies (and DST to read)',
    },
  },
  'webhook_subscription.create': {
    grants: { agency: 'any' },
    creates: true,
    code: 'webhook_subscription.registered_by_agency',
    message: { zh: 'Webhook 订阅由订阅机构登记', en: 'An agency registers its webhook subscriptions' },
  },
  'webhook_subscription.manage': {
    grants: { agency: ['registeredByOrgId'] },
    code: 'webhook_subscription.managed_by_its_agency',
    message: {
      zh: '只有登记该订阅的机构可以修改它',
      en: 'Only the agency that registered a subscription changes it',
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
