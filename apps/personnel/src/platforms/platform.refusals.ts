import { defineRefusals } from '@tic/platform';

/** Why a platform command is refused. */
export const PLATFORM_REFUSALS = defineRefusals('platform', {
  name_taken: { status: 'conflict', zh: '已登记同名平台“{name}”', en: 'A platform named {name} is already registered' },
  closed: {
    status: 'conflict',
    zh: '该平台已撤销或转出，不能导入名单',
    en: 'The platform is closed; its roster cannot be imported',
  },
  center_staff_one_by_one: {
    status: 'conflict',
    zh: '技术创新中心的人员须逐一聘任，以便核查第十四至十九条',
    en: 'A TIC’s staff are appointed one by one, so that A14–A19 are checked',
  },
  not_a_center: { status: 'not_found', zh: '技术创新中心不存在', en: 'Center not found' },
});
