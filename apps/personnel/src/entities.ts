import { DEADLINE_ENTITIES } from '@tic/deadlines';

import { Appointment } from './appointments/appointment.entity';
import { CommitteeMeeting } from './committees/committee-meeting.entity';
import { Committee } from './committees/committee.entity';
import { CenterWaiver } from './compliance/center-waiver.entity';
import { Organization } from './organizations/organization.entity';
import { IdentityRead } from './people/identity-read.entity';
import { Person } from './people/person.entity';
import { Platform } from './platforms/platform.entity';
import { UsageWindow } from './quotas/usage-window.entity';

/** Every table of the personnel schema (the platform's outbox and inbox are added by ormConfig). */
export const PERSONNEL_ENTITIES = [
  Person,
  IdentityRead,
  Platform,
  Organization,
  Appointment,
  Committee,
  CommitteeMeeting,
  CenterWaiver,
  UsageWindow,
  ...DEADLINE_ENTITIES,
];
