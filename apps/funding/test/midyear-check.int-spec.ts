import { CloseAllocationYear, CreateAllocation, RecordExpenditure } from '@tic/contracts';
import { Deadlines } from '@tic/deadlines';

import { allocationInput, CALLERS, eventsOfType, expenditureInput, runningFunding } from './harness';

const funding = runningFunding('funding_midyear', {
  FUNDING_MIDYEAR_CHECK: '07-01',
  FUNDING_MIDYEAR_EXPECTED_RATE: '0.3',
});

describe('A35, A36: the mid-year check of execution', () => {
  it('on 1 July an active allocation below the expected rate is tic.funding.execution_lagging; one on track, a closed one and a late one are not', async () => {
    funding.clock.set('2026-03-01');
    const centerId = await funding.newCenter();
    const lagging = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const onTrack = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const closed = await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    // 10 % and 35 % of 1 000 000 yuan.
    await funding.call(
      RecordExpenditure,
      expenditureInput(lagging.id, { amountFen: 10_000_000, spentOn: '2026-02-20' }),
      CALLERS.supporting,
    );
    await funding.call(
      RecordExpenditure,
      expenditureInput(onTrack.id, { amountFen: 35_000_000, spentOn: '2026-02-20' }),
      CALLERS.supporting,
    );
    await funding.call(
      CloseAllocationYear,
      { allocationId: closed.id, version: closed.version, decision: 'return', reason: '项目终止' },
      CALLERS.dst,
    );
    const deadlines = funding.app.get(Deadlines);

    funding.clock.set('2026-06-30');
    await deadlines.sweep();
    const rows = await funding.sql(
      "select subject_id, due_on::text as due, state from funding.deadline where kind = 'D-funding-midyear' order by subject_id",
    );
    expect(rows.map((r) => [r.subject_id, r.due, r.state]).sort()).toEqual(
      [
        [lagging.id, '2026-06-30', 'pending'],
        [onTrack.id, '2026-06-30', 'pending'],
        [closed.id, '2026-06-30', 'cancelled'],
      ].sort(),
    );

    funding.clock.set('2026-07-01');
    // Allocated after the check's day: no check this year.
    const late = await funding.call(CreateAllocation, allocationInput(centerId, { fiscalYear: 2026 }), CALLERS.dst);
    await deadlines.sweep();
    const events = await eventsOfType(funding, 'tic.funding.execution_lagging');
    expect(events.map((e) => e.data)).toEqual([
      {
        allocationId: lagging.id,
        centerId,
        fiscalYear: 2026,
        executionRate: 0.1,
        expectedRate: 0.3,
        checkedOn: '2026-07-01',
      },
    ]);
    expect(
      await funding.sql('select count(*)::int as n from funding.deadline where subject_id = ?', [late.id]),
    ).toEqual([{ n: 0 }]);
    expect(
      await funding.sql("select count(*)::int as n from funding.outbox_event where type = 'tic.deadline.overdue'"),
    ).toEqual([{ n: 0 }]);
  });
});
