import { finding } from '../findings';
import { assessCompliance } from './compliance';

const failing = (rule: Parameters<typeof finding>[0]) => finding(rule, false, { zh: '不符合', en: 'fails' });

describe('assessCompliance (A14–A19)', () => {
  it('A15: a failing hard rule blocks compliance', () => {
    expect(assessCompliance({ findings: [failing('A15-director')], centerWaivedRules: [] })).toMatchObject({
      blocking: ['A15-director'],
      compliant: false,
    });
  });
  it('A18: a failing principle rule waits for a waiver, and counts as waived once DST waived it for the center', () => {
    const findings = [failing('A18-fixed-count')];
    expect(assessCompliance({ findings, centerWaivedRules: [] })).toMatchObject({
      unwaived: ['A18-fixed-count'],
      compliant: false,
    });
    expect(assessCompliance({ findings, centerWaivedRules: ['A18-fixed-count'] })).toMatchObject({
      unwaived: [],
      waived: ['A18-fixed-count'],
      compliant: true,
    });
  });
  it('A18: one person’s second post waived on their appointment no longer counts; another’s still does', () => {
    const waivedOne = failing('A18-one-platform');
    const other = failing('A18-one-platform');
    expect(
      assessCompliance({ findings: [waivedOne], centerWaivedRules: [], waivedFindings: [waivedOne] }),
    ).toMatchObject({ compliant: true, waived: ['A18-one-platform'] });
    expect(
      assessCompliance({ findings: [waivedOne, other], centerWaivedRules: [], waivedFindings: [waivedOne] }),
    ).toMatchObject({ compliant: false, unwaived: ['A18-one-platform'] });
  });
  it('A12.2: an advisory finding is reported and never blocks', () => {
    expect(assessCompliance({ findings: [failing('A12.2-achievements')], centerWaivedRules: [] })).toMatchObject({
      advisories: ['A12.2-achievements'],
      compliant: true,
    });
  });
});
