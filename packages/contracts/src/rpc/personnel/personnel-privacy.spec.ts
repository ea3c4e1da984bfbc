import { residentIdCheckCharacter } from '@tic/domain';

import { CreateAppointment } from './appointments.rpc';
import { CheckRoster } from './platforms.rpc';

const first17 = '21010219800101123';
const idNumber = first17 + residentIdCheckCharacter(first17);
const personId = '0192f6a0-7c1e-7d2a-9b3c-0000000000d1';
const base = {
  platformId: '0192f6a0-7c1e-7d2a-9b3c-0000000000a1',
  role: 'researcher',
  kind: 'fixed',
  startsOn: '2026-11-02',
};

describe('issue 9 in the contracts', () => {
  it.each([
    ['a person the unit sees, by id', { personId }, true],
    ['a person by the number the unit presents', { idNumber }, true],
    ['neither', {}, false],
    ['both at once', { personId, idNumber }, false],
  ])('an appointment names %s', (_name, who, valid) => {
    const result = CreateAppointment.request.safeParse({ ...base, ...who });
    expect(result.success).toBe(valid);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join('.'))).toEqual(['personId']);
  });

  it('a unit’s conflict carries the row, the other platform’s name and since when, and nothing else', () => {
    const reply = CheckRoster.response.parse({
      checked: 2,
      problems: [],
      conflicts: [
        { row: 1, platformName: '辽宁省某重点实验室', since: '2021-09-01', personId },
        {
          row: 2,
          platformName: '辽宁省某工程研究中心',
          since: '2022-01-01',
          name: '林工程师',
          idNumberMasked: '2101**********1234',
          personId,
          appointmentId: personId,
          platformId: personId,
          role: 'researcher',
        },
      ],
    });
    expect(reply.conflicts[0]).toEqual({ row: 1, platformName: '辽宁省某重点实验室', since: '2021-09-01' });
    expect(reply.conflicts[1]).toMatchObject({ name: '林工程师', platformId: personId });
  });
});
