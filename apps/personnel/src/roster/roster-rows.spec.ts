import { residentIdCheckCharacter } from '@tic/domain';

import { rowProblems } from './roster-rows';

const first17 = '21010219800101123';
const VALID = first17 + residentIdCheckCharacter(first17);

describe('reading a roster line', () => {
  it('accepts a complete line', () => {
    expect(rowProblems(3, { name: '张伟', idNumber: VALID, startsOn: '2026-01-05' }, '2026-11-28')).toEqual([]);
  });

  it('names every bad field of the line, and never repeats the number', () => {
    const wrong = VALID.slice(0, 17) + (VALID.endsWith('1') ? '2' : '1');
    const problems = rowProblems(7, { name: ' ', idNumber: wrong, startsOn: '2026-02-30' }, '2026-11-28');
    expect(problems.map((p) => [p.row, p.path])).toEqual([
      [7, 'name'],
      [7, 'idNumber'],
      [7, 'startsOn'],
    ]);
    expect(JSON.stringify(problems)).not.toContain(wrong);
  });

  it('refuses a birth date after today', () => {
    const future = '21010220300101123';
    expect(rowProblems(1, { name: '未来', idNumber: future + residentIdCheckCharacter(future) }, '2026-11-28')).toEqual(
      [{ row: 1, path: 'idNumber', message: 'does not contain a real birth date' }],
    );
  });
});
