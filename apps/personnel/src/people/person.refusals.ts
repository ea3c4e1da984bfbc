import { defineRefusals } from '@tic/platform';

/** Why a command on the people register is refused. */
export const PERSON_REFUSALS = defineRefusals('person', {
  // Issue 9: the refusal says nothing of whom the number names; a unit that knows the number appoints
  // the person by it (POST /appointments with idNumber).
  already_registered: {
    status: 'conflict',
    zh: '该身份证号码的人员已登记；如需聘任，请在聘任时提供身份证号码',
    en: 'A person with this ID number is already registered; to appoint them, give the ID number in the appointment',
  },
});
