import { randomInt } from 'node:crypto';

import { RegisterPerson } from '@tic/contracts';
import { residentIdCheckCharacter } from '@tic/domain';

import { CALLERS, ORGS, refusal, runningPersonnel } from './harness';

// A number of GB 11643's layout: a six-digit prefix, a birth date, a fresh sequence, the check character.
const numberWith = (prefix: string) => {
  const first17 = `${prefix}19850612${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
};
const withWrongCheck = (valid: string) => valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');

describe('DOMAIN.md §6: the staff identifiers a person may be registered with (personnel service, real Postgres)', () => {
  const service = runningPersonnel('staff-identifiers');

  const register = (idNumber: string) =>
    service.rpc.request(
      RegisterPerson,
      { name: '陈家明', idNumber, employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );

  it.each([
    ['a Hong Kong resident’s residence permit', '810000'],
    ['a Macao resident’s residence permit', '820000'],
    ['a Taiwan resident’s residence permit', '830000'],
    ['a foreigner’s 2023 permanent residence ID card (issued in Liaoning, nationality 840)', '921840'],
  ])('A18 staff: registers a person holding %s, shown masked', async (_case, prefix) => {
    const idNumber = numberWith(prefix);
    const person = await register(idNumber);
    expect(person.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
  });

  it.each([
    [
      'a residence permit with a wrong check character',
      withWrongCheck(numberWith('810000')),
      'has a wrong check character',
    ],
    [
      'a permanent residence ID with a wrong check character',
      withWrongCheck(numberWith('921840')),
      'has a wrong check character',
    ],
    ['a permit prefix with a county part', numberWith('810101'), undefined],
    ['a permanent residence ID of no province', numberWith('900840'), undefined],
  ])('refuses %s, naming the field', async (_case, idNumber, message) => {
    const error = await refusal(register(idNumber));
    expect(error.code).toBe('invalid_input');
    expect(error.errors).toEqual([{ path: 'idNumber', message: message ?? expect.stringContaining('prefix') }]);
    expect(JSON.stringify(error)).not.toContain(idNumber);
  });
});
