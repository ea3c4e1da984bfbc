import { coveredRules, waiverCovers, type Finding, type RuleId, type WaiverLapse } from '@tic/domain';

import type { Application, Waiver } from './application.entity';

/** DOMAIN.md §3: a returned or edited application's waivers lapse; the lapse is kept with each, dated. */
export function lapseWaivers(application: Application, lapse: WaiverLapse, on: string): void {
  if (application.waivers.every((w) => w.lapsed)) return;
  application.waivers = application.waivers.map((w) => (w.lapsed ? w : { ...w, lapsed: { ...lapse, on } }));
}

/** The rules DST has waived that the waivers still cover (waiverCovers): what the state machine counts. */
export function waivedRules(application: Application, findings: readonly Finding[]): RuleId[] {
  return coveredRules(application.waivers, findings);
}

/** The waivers that still cover their findings: those an approval carries. */
export function coveringWaivers(application: Application, findings: readonly Finding[]): Waiver[] {
  return application.waivers.filter((w) => waiverCovers(w, findings).covers);
}

/** The waivers as shown: each with its lapse (an event's, or the facts that changed), or null while it covers. */
export function waiverViews(application: Application, findings: readonly Finding[]): Waiver[] {
  return application.waivers.map((w) => {
    const coverage = waiverCovers(w, findings);
    return { ...w, lapsed: coverage.covers ? null : (w.lapsed ?? coverage.lapse) };
  });
}
