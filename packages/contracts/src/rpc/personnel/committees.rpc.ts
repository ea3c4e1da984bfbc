import { z } from 'zod';

import { entityId, findingSchema, instant, isoDate, ruleIdSchema } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { expectedVersion } from '../paging';
import { exactlyOnePerson, namedPersonFields, personName } from './person-fields';

export const committeeKindSchema = z.enum(['management', 'advisory']).describe('A16 管理委员会 or A17 技术指导委员会');

/**
 * A member as the supporting unit names them: a person of the registry, whose employer there decides
 * who counts as an insider (DOMAIN.md §3), never an organization typed next to the member.
 */
export const committeeMemberInput = z
  .object({
    ...namedPersonFields,
    title: z.string().trim().max(100).optional().describe('the member’s post on the committee, e.g. 副主任委员'),
    isChair: z.boolean().default(false),
  })
  .superRefine(exactlyOnePerson);

export const committeeMemberSchema = z.object({
  personId: entityId
    .nullable()
    .describe('the person in the registry; null only for a member typed before members were named from the registry'),
  name: personName,
  orgId: entityId.describe('the member’s employer as the registry holds it now; decides who counts as an insider'),
  title: z.string().optional(),
  isChair: z.boolean(),
});

export const committeeMeetingFormSchema = z
  .enum(['meeting', 'written_review'])
  .describe(
    'a meeting of the committee (A16, A17: the yearly meetings count only these), or a written review by its members (书面审议), which may be A15’s review of a director',
  );
export type CommitteeMeetingForm = z.output<typeof committeeMeetingFormSchema>;

export const committeeMeetingSchema = z.object({
  id: entityId,
  form: committeeMeetingFormSchema,
  heldOn: isoDate,
  attendees: z.number().int(),
  minutesRef: z.string(),
  recordedAt: instant,
});

export const committeeSchema = z.object({
  id: entityId,
  version: z.number().int(),
  centerId: entityId,
  kind: committeeKindSchema,
  termStartsOn: isoDate,
  termEndsOn: isoDate,
  members: z.array(committeeMemberSchema),
  findings: z.array(findingSchema),
  meetings: z.array(committeeMeetingSchema),
  updatedAt: instant,
});
export type CommitteeDto = z.output<typeof committeeSchema>;

export const SetCommittee = defineRpc({
  service: 'personnel',
  operation: 'committees.set',
  summary:
    'The supporting unit forms or re-forms a center’s committee; hard rules of A16/A17 refuse it, A17’s size is reported',
  request: z.object({
    centerId: entityId,
    kind: committeeKindSchema,
    version: expectedVersion.optional().describe('required when the committee exists'),
    termStartsOn: isoDate,
    termEndsOn: isoDate,
    members: z.array(committeeMemberInput).min(1).max(60),
  }),
  response: committeeSchema,
});

export const GetCommittee = defineRpc({
  service: 'personnel',
  operation: 'committees.get',
  summary: 'A center’s committee with its members, findings and meetings',
  request: z.object({ centerId: entityId, kind: committeeKindSchema }),
  response: committeeSchema,
});

export const RecordCommitteeMeeting = defineRpc({
  service: 'personnel',
  operation: 'committees.record_meeting',
  summary: 'A15–A17: records a committee meeting, or a written review by its members, with attendance and minutes',
  request: z.object({
    centerId: entityId,
    kind: committeeKindSchema,
    form: committeeMeetingFormSchema.default('meeting'),
    heldOn: isoDate,
    attendees: z.number().int().min(1).max(60).describe('members present, or members who answered a written review'),
    minutesRef: z.string().trim().min(1).max(200).describe('the minutes in the document store'),
  }),
  response: committeeSchema,
});

const centerWaiverSchema = z.object({
  rule: ruleIdSchema,
  article: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  recordedAt: instant,
  grantedOn: isoDate,
  lastDay: isoDate.describe('a center-level waiver is given for one year; the day after, the finding counts again'),
  inForce: z.boolean().describe('whether it covers the date asked'),
});

export const complianceSchema = z.object({
  centerId: entityId,
  centerName: z.string(),
  year: z.number().int(),
  on: isoDate.describe('the date the posts, agreements (A18) and waivers are judged on'),
  /** Every finding about the center's people: A14–A19, A16/A17 composition and meetings. */
  findings: z.array(findingSchema),
  /** Failed hard rules. */
  blocking: z.array(ruleIdSchema),
  /** Failed principle rules DST has not waived. */
  unwaived: z.array(ruleIdSchema),
  waived: z.array(ruleIdSchema),
  advisories: z.array(ruleIdSchema),
  compliant: z.boolean().describe('no failed hard rule and no unwaived principle rule'),
  waivers: z.array(centerWaiverSchema),
});
export type ComplianceDto = z.output<typeof complianceSchema>;

export const GetCompliance = defineRpc({
  service: 'personnel',
  operation: 'centers.compliance',
  summary: 'Every finding about a center’s director, staff and committees for a year (A14–A19)',
  request: z.object({
    centerId: entityId,
    year: z.coerce
      .number()
      .int()
      .min(2026)
      .max(2100)
      .optional()
      .describe('the year whose committee meetings count (A16, A17); the year of `on` unless given'),
    on: isoDate.optional().describe('the date to judge posts, agreements (A18) and waivers on; today unless given'),
  }),
  response: complianceSchema,
});

export const WaiveCenterRule = defineRpc({
  service: 'personnel',
  operation: 'centers.waive',
  summary: 'DST waives a failed principle rule of a center’s staffing (A14, A17 size, A18 count), with its reason',
  request: z.object({ centerId: entityId, rule: ruleIdSchema, reason: z.string().trim().min(4).max(1000) }),
  response: complianceSchema,
});
