import type { LocalizedText } from '@tic/domain';
import { RpcFailure } from '@tic/platform';

import type { UsageQuota } from './quota-window';

// The refusal's stable code is its category, `quota_exceeded` (429, like the gateway's `rate_limited`);
// the text says which limit, and Retry-After when the day's window ends.
const QUOTA_TEXTS: Record<UsageQuota, LocalizedText> = {
  roster_lines: {
    zh: '今日查重行数已达上限（每人每天{limit}行），请于北京时间次日再试',
    en: 'You have reached the daily limit of {limit} roster lines checked; retry after midnight Beijing time',
  },
  registrations: {
    zh: '今日按身份证号码登记或聘任人员已达上限（每人每天{limit}次），请于北京时间次日再试',
    en: 'You have reached the daily limit of {limit} people registered or appointed by ID number; retry after midnight Beijing time',
  },
};

/** The refusal of a use over a user's daily limit. */
export function quotaExceeded(quota: UsageQuota, limit: number, retryAfterSeconds: number): RpcFailure {
  const fill = (text: string) => text.replace('{limit}', String(limit));
  const text = QUOTA_TEXTS[quota];
  return RpcFailure.of('quota_exceeded', { zh: fill(text.zh), en: fill(text.en) }, { retryAfterSeconds });
}
