import type { LocalizedText } from '../findings';
import { ACCESS_RULES, type AccessRule } from './access-rules';
import type { AccessDecision, ListScope, Principal, ResourceFacts, ResourceKind, ScopeField } from './access-types';
import { READ_SCOPES, type ReadGrant } from './read-scopes';

/** Everything a caller can attempt: a write of the policy, or a read of one kind. */
export type Action = keyof typeof ACCESS_RULES | `${ResourceKind}.read`;

const ALLOWED: AccessDecision = { allowed: true };

const KIND_NAMES: Record<ResourceKind, LocalizedText> = {
  application: { zh: '申报', en: 'Application' },
  center: { zh: '技术创新中心', en: 'Center' },
  change: { zh: '变更报告', en: 'Change request' },
  platform: { zh: '科技创新平台', en: 'Platform' },
  person: { zh: '人员', en: 'Person' },
  appointment: { zh: '聘任', en: 'Appointment' },
  committee: { zh: '委员会', en: 'Committee' },
  compliance: { zh: '合规情况', en: 'Compliance' },
  review: { zh: '评审任务', en: 'Review assignment' },
  expert: { zh: '专家', en: 'Expert' },
  call: { zh: '申报通知', en: 'Call' },
  notice: { zh: '公示', en: 'Notice' },
  objection: { zh: '异议', en: 'Objection' },
  organization: { zh: '单位', en: 'Organization' },
  calendar: { zh: '节假日安排', en: 'Calendar' },
  roster: { zh: '人员名单', en: 'Roster' },
  journal: { zh: '事件日志', en: 'Event journal' },
  revocation: { zh: '撤销案件', en: 'Revocation case' },
  rectification: { zh: '整改', en: 'Rectification' },
  round: { zh: '评估轮次或评估任务', en: 'Evaluation round or assignment' },
  report: { zh: '年度报告', en: 'Annual report' },
  achievement: { zh: '重大科技成果', en: 'Major achievement' },
  event_feed: { zh: '事件', en: 'Event feed' },
  agency_nats_user: { zh: '订阅机构的NATS用户', en: 'Agency NATS user' },
  webhook_subscription: { zh: 'Webhook 订阅', en: 'Webhook subscription' },
  notification: { zh: '消息', en: 'Notification' },
  email_settings: { zh: '邮件通知设置', en: 'Email settings' },
  allocation: { zh: '省级财政资金安排', en: 'Allocation' },
  ledger_entry: { zh: '资金明细账', en: 'Ledger entry' },
  funding_proposal: { zh: '政策支持建议', en: 'Policy-support proposal' },
  funding_source: { zh: '经费来源', en: 'Funding sources' },
  misuse_finding: { zh: '资金违规使用认定', en: 'Misuse finding' },
};

/**
 * May the caller take this action on this resource? A resource outside the caller's read scope is
 * `not_found` (its existence must not leak, CONTRACT.md); a seen one the role may not touch is `forbidden`.
 */
export function can(caller: Principal, action: Action, resource: ResourceFacts): AccessDecision {
  const rule = ruleOf(action);
  if (rule?.creates !== true && rule?.refusesUnseen !== true && !sees(caller, resource)) return notFound(resource.kind);
  if (rule === undefined) return ALLOWED;
  const grant = (rule.grantsFor?.[resource.kind] ?? rule.grants)[caller.role];
  if (grant !== undefined && (grant === 'any' || grant.some((field) => ties(caller, resource, field)))) return ALLOWED;
  return {
    allowed: false,
    outcome: 'forbidden',
    code: rule.code,
    message: rule.message,
    ...(rule.article === undefined ? {} : { article: rule.article }),
  };
}

/** Which resources of a kind the caller sees, as a filter a repository turns into its query. */
export function listScope(caller: Principal, kind: ResourceKind): ListScope {
  const grant: ReadGrant = READ_SCOPES[kind][caller.role];
  if (grant === 'all') return { all: true };
  if (grant === 'none') return { none: true };
  if ('statuses' in grant) return { statusIn: grant.statuses };
  if (grant.length === 0) return { none: true };
  return { anyOf: grant.map((field) => ({ field, equals: valueFor(caller, field) })) };
}

/** Whether a list scope admits a resource: the one test behind both single reads and lists. */
export function scopeAdmits(scope: ListScope, resource: ResourceFacts): boolean {
  if ('all' in scope) return true;
  if ('none' in scope) return false;
  if ('statusIn' in scope) return resource.status !== undefined && scope.statusIn.includes(resource.status);
  return scope.anyOf.some(({ field, equals }) => fieldHolds(resource, field, equals));
}

/** Whether the caller sees the resource (a person also through any platform they serve). */
export function sees(caller: Principal, resource: ResourceFacts): boolean {
  if (scopeAdmits(listScope(caller, resource.kind), resource)) return true;
  return resource.kind === 'person' && (resource.servedPlatforms ?? []).some((platform) => sees(caller, platform));
}

function ruleOf(action: Action): AccessRule | undefined {
  return action in ACCESS_RULES ? ACCESS_RULES[action as keyof typeof ACCESS_RULES] : undefined;
}

function ties(caller: Principal, resource: ResourceFacts, field: ScopeField): boolean {
  return fieldHolds(resource, field, valueFor(caller, field));
}

function valueFor(caller: Principal, field: ScopeField): string {
  return field === 'assignedUserIds' ? caller.userId : caller.orgId;
}

function fieldHolds(resource: ResourceFacts, field: ScopeField, value: string): boolean {
  const held = resource[field];
  if (held === undefined) return false;
  return typeof held === 'string' ? held === value : held.includes(value);
}

/**
 * The refusal of a resource the caller does not see, the same whether it exists or not (CONTRACT.md):
 * services answer a missing row with it too, so that the two cannot be told apart.
 */
export function notFound(kind: ResourceKind): Exclude<AccessDecision, { allowed: true }> {
  const name = KIND_NAMES[kind];
  return {
    allowed: false,
    outcome: 'not_found',
    code: `${kind}.not_found`,
    message: { zh: `${name.zh}不存在`, en: `${name.en} not found` },
  };
}

/** The actions with a row in the policy (reads excluded), for documentation and tests. */
export const POLICY_ACTIONS = Object.keys(ACCESS_RULES) as readonly (keyof typeof ACCESS_RULES)[];
