import type { ChainedRowFields } from './canonical-encoding';
import { describeProblem, describeVerification } from './chain-report';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { ChainVerifier, type ChainAnchor, type ChainHead, type SealedRow } from './chain-verifier';

function fields(seq: number): ChainedRowFields {
  return {
    chainSeq: String(seq),
    id: `row-${seq}`,
    aggregateType: 'report',
    aggregateId: 'agg-1',
    aggregateVersion: seq,
    action: 'report.review',
    fromStatus: null,
    toStatus: 'reviewed',
    actorUserId: 'u-1',
    actorName: '李四',
    actorRole: 'city_reviewer',
    comment: `step ${seq}`,
    article: null,
    findings: [],
    correlationId: null,
    at: `2026-11-30T01:00:0${seq % 10}.000000Z`,
  };
}

/** A correctly sealed chain of `n` rows. */
function chain(n: number): SealedRow[] {
  let previous = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const row = fields(i + 1);
    previous = chainHash(previous, row);
    return { ...row, chainHash: previous };
  });
}

const headOf = (rows: readonly SealedRow[]) => ({
  lastSeq: rows.at(-1)?.chainSeq ?? '0',
  headHash: rows.at(-1)?.chainHash ?? GENESIS_HASH,
});

function verify(
  rows: readonly SealedRow[],
  head: ChainHead | null = headOf(rows),
  anchors: ChainAnchor[] = [],
  published: ChainAnchor[] = [],
) {
  const verifier = new ChainVerifier(head, anchors, published);
  for (const row of rows) verifier.accept(row);
  return verifier.finish();
}

describe('verifying a history chain', () => {
  const rows = chain(6);
  const anchor = (day: string, seq: number): ChainAnchor => ({
    day,
    lastSeq: String(seq),
    headHash: rows[seq - 1]?.chainHash ?? '',
  });

  it('accepts an intact chain with its anchors, and says so with the counts', () => {
    const result = verify(rows, headOf(rows), [anchor('2026-11-28', 2), anchor('2026-11-29', 5)]);
    expect(result).toEqual({ rows: 6, anchors: 2, lastSeq: '6', problems: [] });
    const report = describeVerification('funding', { ...result, unsealed: 1, overdue: [], overdueCount: 0 });
    expect(report).toEqual({
      ok: true,
      lines: ['OK funding history chain: 6 sealed rows (sequence 1–6), 2 day anchors, 1 awaiting the sealer'],
    });
  });

  it('names an altered row by sequence and id, and only that row', () => {
    const tampered = rows.map((row) => (row.chainSeq === '3' ? { ...row, comment: 'rewritten' } : row));
    expect(verify(tampered).problems).toEqual([{ check: 'altered', seq: '3', id: 'row-3' }]);
  });

  it('names the next row when a row was rewritten together with its hash', () => {
    const tampered = rows.map((row, i) =>
      row.chainSeq === '3'
        ? {
            ...row,
            comment: 'rewritten',
            chainHash: chainHash(rows[i - 1]?.chainHash ?? '', { ...row, comment: 'rewritten' }),
          }
        : row,
    );
    expect(verify(tampered).problems).toEqual([{ check: 'altered', seq: '4', id: 'row-4' }]);
  });

  it('names a removed row as the gap before the next one', () => {
    const result = verify(rows.filter((row) => row.chainSeq !== '4'));
    expect(result.problems).toEqual([{ check: 'removed', fromSeq: '4', toSeq: '4', nextId: 'row-5' }]);
    expect(describeProblem(result.problems[0]!)).toBe('removed: rows 4 are missing before row 5 (id row-5)');
  });

  it('names rows removed from the end against the recorded head', () => {
    expect(verify(rows.slice(0, 4), headOf(rows)).problems).toEqual([
      { check: 'removed', fromSeq: '5', toSeq: '6', nextId: null },
    ]);
  });

  it('names a forged row appended past the head, even with a correct hash', () => {
    const forged = { ...fields(7), id: 'forged' };
    const appended = [...rows, { ...forged, chainHash: chainHash(rows[5]?.chainHash ?? '', forged) }];
    expect(verify(appended, headOf(rows)).problems).toEqual([{ check: 'beyond-head', seq: '7', id: 'forged' }]);
  });

  it('names an anchor whose hash was altered, and one that ends before the day before it', () => {
    const altered = { ...anchor('2026-11-29', 5), headHash: 'ab'.repeat(32) };
    expect(verify(rows, headOf(rows), [anchor('2026-11-28', 2), altered]).problems).toEqual([
      {
        check: 'anchor',
        day: '2026-11-29',
        lastSeq: '5',
        source: 'table',
        reason: "its head hash is not row 5's hash",
      },
    ]);
    const backwards = verify(rows, headOf(rows), [anchor('2026-11-28', 5), anchor('2026-11-29', 2)]);
    expect(backwards.problems.map((problem) => problem.check)).toEqual(['anchor']);
  });

  it('catches a chain rebuilt from scratch against the anchors published before', () => {
    const rebuilt = chain(6).map((row) => ({ ...row }));
    let previous = GENESIS_HASH;
    const rewritten = rebuilt.map((row) => {
      const changed = { ...row, comment: row.chainSeq === '2' ? 'rewritten' : row.comment };
      previous = chainHash(previous, changed);
      return { ...changed, chainHash: previous };
    });
    const newAnchor = { day: '2026-11-29', lastSeq: '5', headHash: rewritten[4]?.chainHash ?? '' };
    const result = verify(rewritten, headOf(rewritten), [newAnchor], [anchor('2026-11-29', 5)]);
    expect(result.problems).toEqual([
      expect.objectContaining({ check: 'anchor', day: '2026-11-29', source: 'published' }),
      expect.objectContaining({
        check: 'anchor',
        day: '2026-11-29',
        source: 'published',
        reason: "its head hash is not row 5's hash",
      }),
    ]);
  });

  it('reports the head when its hash is not the last row', () => {
    expect(verify(rows, { lastSeq: '6', headHash: 'cd'.repeat(32) }).problems).toEqual([
      { check: 'head', headSeq: '6', lastSeq: '6' },
    ]);
  });

  it('reports a deleted head, without which the sealer would start the chain over', () => {
    const result = verify(rows, null);
    expect(result.problems).toEqual([{ check: 'head', headSeq: null, lastSeq: '6' }]);
    expect(describeProblem(result.problems[0]!)).toBe(
      'head: no chain head is recorded, yet rows up to 6 are sealed (it was deleted)',
    );
    expect(verify([], null).problems).toEqual([]);
  });

  it('fails the report on rows left unsealed past the allowance, naming them', () => {
    const report = describeVerification('personnel', {
      ...verify(rows),
      unsealed: 2,
      overdue: [{ id: 'late-1', at: '2026-11-29T00:00:00.000000Z' }],
      overdueCount: 1,
    });
    expect(report.ok).toBe(false);
    expect(report.lines[1]).toBe(
      'unsealed: 1 rows left unchained past the allowance, oldest first: late-1 (written 2026-11-29T00:00:00.000000Z)',
    );
  });
});
