import { finding, type Finding } from '../findings';
import { checkDeputies } from './staffing';
import { checkEligibility } from './eligibility';
import { coveredRules, WAIVER_LAPSES, waivedFinding, waiverCovers, type KeptWaiver } from './waiver-coverage';

const eligibility = (areaM2: number, equipmentValueCny = 8_000_000) =>
  checkEligibility({
    supportingUnit: { uscc: '91210100MA0TEST000', legalPerson: true },
    areaM2,
    equipmentValueCny,
    technicalLeaders: 1,
    fullTimeStaff: 5,
  });

const area = (findings: readonly Finding[]) => findings.find((f) => f.rule === 'A12.3-area') as Finding;
const waiverOn = (f: Finding): KeptWaiver => ({ rule: f.rule, finding: waivedFinding(f) });

describe('waiverCovers (DOMAIN.md §3: a waiver covers the finding as it stood)', () => {
  const waived = waiverOn(area(eligibility(800)));

  it.each([
    ['A12(三): the same area as when waived', 800, true],
    ['A12(三): an area that improved but still fails', 900, true],
    ['A12(三): an area that now passes leaves nothing to cover', 1200, true],
    ['A12(三): an area lower than when waived lapses it', 799, false],
    ['A12(三): an area far lower than when waived lapses it', 100, false],
  ] as const)('%s', (_name, areaM2, covers) => {
    expect(waiverCovers(waived, eligibility(areaM2)).covers).toBe(covers);
  });

  it('A12(三): the lapse names the fact that fell, in both languages', () => {
    const coverage = waiverCovers(waived, eligibility(700));
    expect(coverage).toEqual({
      covers: false,
      lapse: {
        code: 'waiver.lapsed.facts_changed',
        message: { zh: expect.stringContaining('800 → 700'), en: expect.stringContaining('areaM2: 800 → 700') },
      },
    });
  });

  it.each([
    ['A14: the same number of deputies', 5, true],
    ['A14: fewer deputies, still over three', 4, true],
    ['A14: more deputies than when waived lapses it', 6, false],
  ] as const)('%s', (_name, deputies, covers) => {
    expect(waiverCovers(waiverOn(checkDeputies(5)), [checkDeputies(deputies)]).covers).toBe(covers);
  });

  it('§3: a waiver lapsed by an event (returned) covers nothing, whatever the findings', () => {
    const lapsed = { ...waived, lapsed: WAIVER_LAPSES.returned };
    expect(waiverCovers(lapsed, eligibility(800))).toEqual({ covers: false, lapse: WAIVER_LAPSES.returned });
  });

  it('§3: a finding under another article is other facts', () => {
    const moved = { ...area(eligibility(800)), article: '第十二条' };
    expect(waiverCovers(waived, [moved]).covers).toBe(false);
  });

  it('§3: a changed bound is other facts', () => {
    const stricter = finding('A12.3-area', false, { zh: '', en: '' }, { areaM2: 800, minimum: 1200 });
    expect(waiverCovers(waived, [stricter]).covers).toBe(false);
  });

  it('§3: a non-count fact that changed lapses the waiver', () => {
    const then = finding('A18-one-platform', false, { zh: '', en: '' }, { platform: 'KL-1' });
    const now = finding('A18-one-platform', false, { zh: '', en: '' }, { platform: 'ERC-2' });
    expect(waiverCovers(waiverOn(then), [now]).covers).toBe(false);
    expect(waiverCovers(waiverOn(then), [then]).covers).toBe(true);
  });

  it('§3: a waiver recorded before waivers kept their facts covers its rule as before', () => {
    expect(waiverCovers({ rule: 'A12.3-area' }, eligibility(10)).covers).toBe(true);
  });

  it('coveredRules counts only the waivers that still cover', () => {
    const equipment = waiverOn(eligibility(800, 5_000_000).find((f) => f.rule === 'A12.3-equipment') as Finding);
    expect(coveredRules([waived, equipment], eligibility(700, 5_000_000))).toEqual(['A12.3-equipment']);
  });
});
