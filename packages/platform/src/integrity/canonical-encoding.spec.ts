import { createHash } from 'node:crypto';

import { canonicalRowEncoding, sortedKeys, type ChainedRowFields } from './canonical-encoding';
import { chainDay } from './chain-day';
import { chainHash, GENESIS_HASH } from './chain-hash';

const row: ChainedRowFields = {
  chainSeq: '1',
  id: '0193a5b0-0000-7000-8000-000000000001',
  aggregateType: 'allocation',
  aggregateId: '0193a5b0-0000-7000-8000-0000000000aa',
  aggregateVersion: 2,
  action: 'allocation.approve',
  fromStatus: 'proposed',
  toStatus: 'approved',
  actorUserId: 'u-1',
  actorName: '张三',
  actorRole: 'dst_admin',
  comment: '同意',
  article: '第三十三条',
  findings: [{ rule: 'A33', details: { minimum: 1000, areaM2: 800 }, severity: 'hard' }],
  correlationId: null,
  at: '2026-11-30T01:02:03.456789Z',
};

describe('the canonical encoding of a history row', () => {
  it('is the same whatever order jsonb gives the keys of the findings', () => {
    const reordered = {
      ...row,
      findings: [{ severity: 'hard', details: { areaM2: 800, minimum: 1000 }, rule: 'A33' }],
    };
    expect(canonicalRowEncoding(reordered)).toBe(canonicalRowEncoding(row));
  });

  it('keeps the order of arrays and drops undefined keys as JSON does', () => {
    expect(sortedKeys([{ b: 1, a: undefined }, 2])).toEqual([{ b: 1 }, 2]);
    expect(JSON.stringify(sortedKeys({ z: { y: 1, x: [3, { d: 1, c: 2 }] }, a: null }))).toBe(
      '{"a":null,"z":{"x":[3,{"c":2,"d":1}],"y":1}}',
    );
  });

  it('tells apart null and an empty string, and a field moved into another', () => {
    expect(canonicalRowEncoding({ ...row, comment: '' })).not.toBe(canonicalRowEncoding({ ...row, comment: null }));
    expect(canonicalRowEncoding({ ...row, actorName: '张', comment: '三同意' })).not.toBe(
      canonicalRowEncoding({ ...row, actorName: '张三', comment: '同意' }),
    );
  });

  it.each([
    ['the comment', { comment: '不同意' }],
    ['the timestamp by a microsecond', { at: '2026-11-30T01:02:03.456790Z' }],
    ['a finding', { findings: [] }],
    ['the chain sequence', { chainSeq: '2' }],
    ['the version', { aggregateVersion: 3 }],
  ])('changes the hash when %s changes', (_what, change) => {
    expect(chainHash(GENESIS_HASH, { ...row, ...change })).not.toBe(chainHash(GENESIS_HASH, row));
  });

  it('hashes with SM3 over the previous hash and the encoding', () => {
    const hash = chainHash(GENESIS_HASH, row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash('ff'.repeat(32), row)).not.toBe(hash);
    expect(chainHash(GENESIS_HASH, row)).toBe(hash);
  });

  it('SM3 is the standard one (GB/T 32905 example 1: "abc")', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });
});

describe('the day an anchor closes', () => {
  it.each([
    ['2026-11-29T15:59:59.999Z', '2026-11-29'],
    ['2026-11-29T16:00:00.000Z', '2026-11-30'],
    ['2026-12-31T23:00:00.000Z', '2027-01-01'],
  ])('%s is %s in Beijing time', (instant, day) => {
    expect(chainDay(new Date(instant))).toBe(day);
  });
});
