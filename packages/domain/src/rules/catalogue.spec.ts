import { DEADLINE_KINDS } from '../calendar/deadline-kinds';
import { isRuleId, RULE_IDS, RULES } from './catalogue';

const ARTICLE = /^第[一二三四五六七八九十]+条(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?$/;

describe('the rule catalogue (DOMAIN.md §3)', () => {
  it.each(RULE_IDS)('%s cites a well-formed article and has both languages', (id) => {
    const rule = RULES[id];
    expect(rule.article).toMatch(ARTICLE);
    expect(rule.title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.title.en.length).toBeGreaterThan(10);
  });

  it.each([
    ['A12.1-province', 'hard'],
    ['A12.1-legal-person', 'hard'],
    ['A12.1-code-region', 'advisory'],
    ['A12.1-kind', 'advisory'],
    ['A12.2-achievements', 'advisory'],
    ['A12.3-area', 'principle'],
    ['A12.3-equipment', 'principle'],
    ['A12.4-staff', 'hard'],
    ['A12-relaxed', 'principle'],
    ['A14-deputies', 'principle'],
    ['A15-director', 'hard'],
    ['A16-mgmt-committee', 'hard'],
    ['A16-meeting', 'advisory'],
    ['A17-size', 'principle'],
    ['A17-insiders', 'hard'],
    ['A17-chair', 'hard'],
    ['A17-meeting', 'advisory'],
    ['A18-fixed-count', 'principle'],
    ['A18-one-platform', 'principle'],
    ['A18-floating-agreement', 'hard'],
    ['A19-aux-staff', 'advisory'],
    ['A36-funds', 'hard'],
    ['A37-naming', 'hard'],
  ] as const)('%s has the severity the catalogue gives it: %s', (id, severity) => {
    expect(RULES[id].severity).toBe(severity);
  });

  it('every deadline kind points at a catalogue rule with the same article', () => {
    for (const kind of Object.values(DEADLINE_KINDS)) {
      expect(isRuleId(kind.rule)).toBe(true);
      expect(RULES[kind.rule].article).toBe(kind.article);
    }
  });
});
