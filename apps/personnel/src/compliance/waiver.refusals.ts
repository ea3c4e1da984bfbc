import { defineRefusals } from '@tic/platform';

/** Why DST's waiver of a principle rule is refused, for an appointment or for a center. */
export const WAIVER_REFUSALS = defineRefusals('waiver', {
  hard_rule: { status: 'rule_violation', zh: '{article}为刚性规定，不能豁免', en: '{rule} is not a principle rule and cannot be waived' },
  waived_on_appointment: { status: 'rule_violation', zh: '{article}的该项规定须针对具体聘任豁免', en: '{rule} is waived on the appointment it concerns' },
  not_for_center: { status: 'rule_violation', zh: '{article}的该项规定不能豁免', en: '{rule} cannot be waived' },
  nothing_to_waive: { status: 'conflict', zh: '目前没有待豁免的{article}事项', en: '{rule} does not fail now; there is nothing to waive' },
  already_waived: { status: 'conflict', zh: '该规则已豁免', en: '{rule} is already waived' },
});
