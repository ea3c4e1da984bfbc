import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { CreateAllocation } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { allocationInput, CALLERS, runningFunding } from './harness';

const funding = runningFunding('funding_history_chain');

/** `npm run history:verify -w @tic/funding` against the service's database. */
function verify(): { code: number | null; out: string } {
  const result = spawnSync('npm', ['run', '-s', 'history:verify'], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, DATABASE_URL: funding.db.url },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('the funding service chains its history (issue 15)', () => {
  it('seals what its commands write, verifies it, and names the row an UPDATE altered', async () => {
    for (const centerId of [await funding.newCenter(), await funding.newCenter()])
      await funding.call(CreateAllocation, allocationInput(centerId), CALLERS.dst);
    const rows = await eventually(async () => {
      const sealed = await funding.sql(
        `select id, chain_seq::text as seq from funding.history_entry where chain_seq is not null order by chain_seq`,
      );
      const unsealed = await funding.sql(`select 1 from funding.history_entry where chain_seq is null`);
      expect(unsealed).toHaveLength(0);
      expect(sealed).toHaveLength(2);
      return sealed;
    });
    expect(verify()).toEqual({
      code: 0,
      out: `OK funding history chain: ${rows.length} sealed rows (sequence 1–${rows.length}), 0 day anchors, 0 awaiting the sealer\n`,
    });

    await funding.sql(`update funding.history_entry set comment = '改写' where chain_seq = 1`);
    const failed = verify();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(`altered: row 1 (id ${String(rows[0]?.id)})`);
  });
});
