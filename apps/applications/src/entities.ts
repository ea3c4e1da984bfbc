import { DEADLINE_ENTITIES } from '@tic/deadlines';

import { Application } from './applications/application.entity';
import { Call } from './calls/call.entity';
import { Center } from './centers/center.entity';
import { ChangeRequest } from './changes/change-request.entity';
import { NoticeEntry } from './notices/notice-entry.entity';
import { Notice } from './notices/notice.entity';
import { Objection } from './notices/objection.entity';
import { Organization } from './organizations/organization.entity';
import { Announcement } from './public-record/announcement.entity';
import { Expert } from './reviews/expert.entity';
import { ReviewArchive } from './reviews/review-archive.entity';
import { ReviewAssignment } from './reviews/review-assignment.entity';
import { ReviewDraw } from './reviews/review-draw.entity';
import { RevocationCase } from './revocations/revocation-case.entity';

/** Every table of the applications schema (the platform's outbox and inbox are added by ormConfig). */
export const APPLICATIONS_ENTITIES = [
  Organization,
  Call,
  Application,
  Expert,
  ReviewDraw,
  ReviewAssignment,
  ReviewArchive,
  Notice,
  NoticeEntry,
  Objection,
  Center,
  RevocationCase,
  Announcement,
  ChangeRequest,
  ...DEADLINE_ENTITIES,
];
