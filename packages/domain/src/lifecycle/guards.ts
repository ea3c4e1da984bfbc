import { finding, type Finding, type LocalizedText } from '../findings';
import type { RuleId } from '../rules/catalogue';

/** A guard's context field was not supplied: a programmer error in the calling service. */
export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new TypeError(`the transition needs context.${field}`);
  return value;
}

/** A finding for a procedural condition that either holds or does not. */
export function condition(rule: RuleId, holds: boolean, whenHolds: LocalizedText, whenNot: LocalizedText): Finding[] {
  return [finding(rule, holds, holds ? whenHolds : whenNot)];
}

/** Whether free text has something in it. */
export function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0;
}
