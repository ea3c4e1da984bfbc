import { batchesOf, mergeTallies, sendInBatches } from './batches';

const numbered = (rows: readonly number[]) => rows.map((row) => ({ row, value: `line ${row}` }));

describe('batches of an uploaded roster', () => {
  it.each([
    [
      'consecutive lines, cut at the size',
      [1, 2, 3, 4, 5],
      2,
      [
        [1, 2],
        [3, 2],
        [5, 1],
      ],
    ],
    [
      'a skipped line starts a new batch',
      [1, 2, 4, 5, 6],
      10,
      [
        [1, 2],
        [4, 3],
      ],
    ],
    ['a first line after the header that is not 1', [3, 4], 10, [[3, 2]]],
    ['nothing to send', [], 10, []],
  ])('%s', (_label, rows, size, expected) => {
    expect(batchesOf(numbered(rows), size).map((b) => [b.firstRow, b.rows.length])).toEqual(expected);
  });

  it('keeps each line’s value, in order', () => {
    expect(batchesOf(numbered([7, 8, 10]), 5)).toEqual([
      { firstRow: 7, rows: ['line 7', 'line 8'] },
      { firstRow: 10, rows: ['line 10'] },
    ]);
  });

  it('merges replies: counts added, lists joined in order', () => {
    const merged = mergeTallies(
      { checked: 2, conflicts: [{ row: 1 }], problems: [] },
      { checked: 3, conflicts: [{ row: 4 }], problems: [{ row: 5 }] },
    );
    expect(merged).toEqual({ checked: 5, conflicts: [{ row: 1 }, { row: 4 }], problems: [{ row: 5 }] });
  });

  it('sends one batch after the other and starts from the empty reply', async () => {
    const sent: number[] = [];
    const reply = await sendInBatches(numbered([1, 2, 3]), 2, { checked: 0 }, (batch) => {
      sent.push(batch.firstRow);
      return Promise.resolve({ checked: batch.rows.length });
    });
    expect(sent).toEqual([1, 3]);
    expect(reply).toEqual({ checked: 3 });
    expect(await sendInBatches([], 2, { checked: 0 }, () => Promise.reject(new Error('nothing to send')))).toEqual({
      checked: 0,
    });
  });
});
