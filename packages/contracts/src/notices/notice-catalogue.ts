import { APPLICATION_NOTICES } from '../events/application.notices';
import { CENTER_NOTICES } from '../events/center.notices';
import { DEADLINE_NOTICES } from '../events/deadline.notices';
import { EVALUATION_NOTICES } from '../events/evaluation.notices';
import { FUNDING_NOTICES } from '../events/funding.notices';
import { PERSONNEL_NOTICES } from '../events/personnel.notices';
import { REVOCATION_NOTICES } from '../events/revocation.notices';

/** Every notice template, by the event type it renders. */
export const NOTICE_TEMPLATES = {
  ...APPLICATION_NOTICES,
  ...CENTER_NOTICES,
  ...DEADLINE_NOTICES,
  ...EVALUATION_NOTICES,
  ...FUNDING_NOTICES,
  ...PERSONNEL_NOTICES,
  ...REVOCATION_NOTICES,
};

/** The event types someone is told of: those with a notice. */
export type NoticeType = keyof typeof NOTICE_TEMPLATES;
