import { defineRefusals } from '@tic/platform';

/** The refusals of the unit registry, by stable code `organization.<name>`. */
export const ORGANIZATION_REFUSALS = defineRefusals('organization', {
  not_found: { status: 'not_found', zh: '单位不存在', en: 'Organization not found' },
  uscc_taken: {
    status: 'conflict',
    zh: '该统一社会信用代码已登记',
    en: 'A unit with this credit code is registered already',
  },
});
