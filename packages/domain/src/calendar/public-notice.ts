import type { PeriodLength } from './periods';

/** How long a public notice (公示) runs: a setting, per DOMAIN.md §7 (5 working days by default). */
export type NoticeLengthSetting = { readonly workingDays: number } | { readonly calendarDays: number };

/** The default of DOMAIN.md §7: five working days, the first day counted. */
export const DEFAULT_NOTICE_LENGTH: NoticeLengthSetting = { workingDays: 5 };

/** A13(四), DOMAIN.md §7: the period a notice of this setting runs, counting its first day. */
export function noticeLength(setting: NoticeLengthSetting): PeriodLength {
  return 'workingDays' in setting
    ? { workingDays: setting.workingDays, countsStartDay: true }
    : { days: setting.calendarDays, countsStartDay: true };
}
