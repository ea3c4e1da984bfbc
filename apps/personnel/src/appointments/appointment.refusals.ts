import { defineRefusals } from '@tic/platform';

/** Why an appointment command is refused: stable codes, and their texts in both languages. */
export const APPOINTMENT_REFUSALS = defineRefusals('appointment', {
  platform_closed: { status: 'conflict', zh: '该平台已撤销或转出，不能再聘任人员', en: 'The platform is closed' },
  already_holds_post: { status: 'conflict', zh: '{name}已在该平台任职', en: '{name} already holds a post on this platform' },
  already_ended: { status: 'conflict', zh: '该聘任已结束', en: 'The appointment has already ended' },
  not_a_director: { status: 'conflict', zh: '只有中心主任的聘任需要备案', en: 'Only a director’s appointment is filed', article: '第十五条' },
  already_filed: { status: 'conflict', zh: '已于{filedOn}备案', en: 'Already filed on {filedOn}', article: '第十五条' },
  nothing_to_waive: { status: 'conflict', zh: '该聘任没有待豁免的此项规则', en: 'The appointment has no unwaived failure of {rule}' },
});
