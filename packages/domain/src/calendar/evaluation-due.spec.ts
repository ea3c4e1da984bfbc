import { centersDueForRound, evaluationDueOn, preparationEvaluationDueOn } from './evaluation-due';
import { annualReportDue } from './periods';

describe('evaluation due dates (A28, A12)', () => {
  it('A28: two years after the last evaluation, provisional while that year’s schedule is unpublished', () => {
    expect(evaluationDueOn('2024-06-14')).toEqual({ due: '2026-06-15', provisional: false });
    expect(evaluationDueOn('2026-03-10')).toMatchObject({ due: '2028-03-10', provisional: true });
  });

  it('A12: a center in preparation is due a year after its approval, on a working day', () => {
    // 1 October 2026 falls in the National Day holiday (1–7 October): the period ends on the 8th.
    expect(preparationEvaluationDueOn('2025-10-01')).toEqual({ due: '2026-10-08', provisional: false });
  });

  it('A27: the annual report on 2025 is due on 31 March 2026 (a Tuesday)', () => {
    expect(annualReportDue(2025)).toBe('2026-03-31');
  });

  const centers = [
    { centerId: 'old', status: 'operating', approvedOn: '2022-05-01', lastEvaluatedOn: '2024-06-14' },
    { centerId: 'new', status: 'operating', approvedOn: '2025-09-01', lastEvaluatedOn: null },
    { centerId: 'never', status: 'rectifying', approvedOn: '2024-03-01', lastEvaluatedOn: null },
    { centerId: 'prep', status: 'preparing', approvedOn: '2025-10-01', lastEvaluatedOn: null },
    { centerId: 'gone', status: 'revoked', approvedOn: '2020-01-01', lastEvaluatedOn: null },
  ] as const;

  it('A28: a round takes the centers due on or before its closing date, none that left the registry', () => {
    expect(centersDueForRound(centers, '2026-10-08')).toEqual([
      { centerId: 'old', due: '2026-06-15', provisional: false, basis: 'cycle' },
      { centerId: 'never', due: '2026-03-02', provisional: false, basis: 'cycle' },
      { centerId: 'prep', due: '2026-10-08', provisional: false, basis: 'preparation' },
    ]);
    expect(centersDueForRound(centers, '2026-10-07').map((c) => c.centerId)).toEqual(['old', 'never']);
  });
});
