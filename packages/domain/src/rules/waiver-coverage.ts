import type { Finding, LocalizedText } from '../findings';
import type { RuleId } from './catalogue';

/** The facts a waiver was given on (DOMAIN.md §3: "a waiver covers the finding as it stood"). */
export interface WaivedFinding {
  readonly rule: RuleId;
  readonly article: string;
  /** The values the finding was decided on (counts and their bound), as the finding carried them. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

/** Why a waiver stopped covering its finding; kept with the waiver and shown. */
export interface WaiverLapse {
  readonly code: string;
  readonly message: LocalizedText;
}

/** A waiver as a subject keeps it: the rule, and (since waivers are bound to facts) the finding and any lapse. */
export interface KeptWaiver {
  readonly rule: RuleId;
  /** Absent on waivers recorded before they were bound to facts: those cover their rule as before. */
  readonly finding?: WaivedFinding;
  /** Set when an event lapsed the waiver (an application returned or edited). */
  readonly lapsed?: WaiverLapse | null;
}

/** DOMAIN.md §3: the events that lapse a subject's waivers whatever its findings say. */
export const WAIVER_LAPSES = {
  returned: {
    code: 'waiver.lapsed.returned',
    message: { zh: '申报已退回修改，豁免失效', en: 'The application was returned for revision; the waiver has lapsed' },
  },
  edited: {
    code: 'waiver.lapsed.edited',
    message: { zh: '申报内容已修改，豁免失效', en: 'The application was edited; the waiver has lapsed' },
  },
} as const satisfies Record<string, WaiverLapse>;

export type WaiverCoverage = { readonly covers: true } | { readonly covers: false; readonly lapse: WaiverLapse };

// Detail keys that state the rule's bound, not the subject's facts.
const BOUNDS = ['minimum', 'maximum'] as const;

/** The fingerprint a waiver keeps of the finding it waives. */
export function waivedFinding(finding: Finding): WaivedFinding {
  return { rule: finding.rule, article: finding.article, details: { ...(finding.details ?? {}) } };
}

/**
 * DOMAIN.md §3: does this waiver still cover the rule's finding now? A waiver lapses when an event lapsed
 * it, or when the facts it was given on changed: another article, another bound, a count that moved
 * further from the bound (lower under a minimum, higher over a maximum), or any other value changed.
 * A count that improved but still fails stays covered: DST accepted worse. A finding that passes now, or
 * is not reported, leaves nothing to cover, so the waiver does not lapse for it.
 */
export function waiverCovers(waiver: KeptWaiver, findings: readonly Finding[]): WaiverCoverage {
  if (waiver.lapsed) return { covers: false, lapse: waiver.lapsed };
  const then = waiver.finding;
  const now = findings.find((f) => f.rule === waiver.rule);
  if (then === undefined || now === undefined || now.passed) return { covers: true };
  if (now.article !== then.article) return lapsed(then, 'article', then.article, now.article);
  const details = now.details ?? {};
  for (const bound of BOUNDS) {
    if (details[bound] !== then.details[bound]) return lapsed(then, bound, then.details[bound], details[bound]);
  }
  for (const [key, was] of Object.entries(then.details)) {
    if ((BOUNDS as readonly string[]).includes(key)) continue;
    const is = details[key];
    if (is === was) continue;
    if (typeof was === 'number' && typeof is === 'number' && !fellFurther(was, is, then.details)) continue;
    return lapsed(then, key, was, is);
  }
  return { covers: true };
}

/** The rules whose waivers still cover their findings: what assessFindings and decideWaiver count as waived. */
export function coveredRules(waivers: readonly KeptWaiver[], findings: readonly Finding[]): RuleId[] {
  return waivers.filter((waiver) => waiverCovers(waiver, findings).covers).map((waiver) => waiver.rule);
}

// Under a minimum a lower count is worse; over a maximum a higher one is; with no bound any change counts.
function fellFurther(was: number, is: number, details: WaivedFinding['details']): boolean {
  if (typeof details['minimum'] === 'number') return is < was;
  if (typeof details['maximum'] === 'number') return is > was;
  return true;
}

function lapsed(
  then: WaivedFinding,
  key: string,
  was: string | number | boolean | undefined,
  is: string | number | boolean | undefined,
): WaiverCoverage {
  const shown = (value: string | number | boolean | undefined) => (value === undefined ? '—' : String(value));
  return {
    covers: false,
    lapse: {
      code: 'waiver.lapsed.facts_changed',
      message: {
        zh: `豁免所依据的${then.article}事实已变化（${key}：${shown(was)} → ${shown(is)}），豁免失效`,
        en: `The facts the ${then.rule} waiver was given on changed (${key}: ${shown(was)} → ${shown(is)}); it has lapsed`,
      },
    },
  };
}
