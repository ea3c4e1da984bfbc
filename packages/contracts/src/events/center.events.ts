import { z } from 'zod';

import { defineEvent } from '../define-event';
import { actorSchema, centerField, centerStatusSchema, entityId, isoDate, localizedText } from '../schemas';

const centerRef = {
  centerId: entityId,
  name: localizedText.describe('the A37 name'),
};

export const CenterEstablished = defineEvent({
  type: 'tic.center.established',
  producer: 'applications',
  summary: 'A13(四): approval created the center, in preparation (筹建, A12) or in operation',
  data: z.object({
    ...centerRef,
    // Optional since a center approved before the platform (A40) is registered by DST without an application.
    applicationId: entityId
      .optional()
      .describe('the application it was approved on; absent for a center registered by DST (A40)'),
    approvalDocument: z
      .string()
      .min(1)
      .optional()
      .describe('the approval document of a center registered by DST (A40)'),
    field: centerField,
    track: z.enum(['formal', 'preparation']),
    status: z.enum(['preparing', 'operating']),
    supportingUnitId: entityId,
    coBuilderIds: z.array(entityId),
    constructionUnitId: entityId,
    recommenderId: entityId,
    establishedOn: isoDate,
    // Additive: consumers that report by city (evaluations, agencies' filters) read it from here.
    regionCode: z
      .string()
      .min(1)
      .optional()
      .describe('the supporting unit’s administrative division (GB/T 2260), whose city the center is counted in'),
    preparationEndsOn: isoDate.optional().describe('A12: end of the preparation period, for a center in preparation'),
    preparationEndsOnProvisional: z.boolean().optional(),
  }),
});

export const CenterPreparationOverdue = defineEvent({
  type: 'tic.center.preparation_overdue',
  producer: 'applications',
  summary:
    'A12 last paragraph: the one-year preparation (筹建) period of a center in preparation passed before an evaluation moved it into formal management or ended it',
  data: z.object({
    ...centerRef,
    preparationStartedOn: isoDate.describe('the approval for preparation'),
    preparationEndedOn: isoDate.describe('the due date of its D-preparation deadline'),
    deadlineId: entityId,
  }),
});

export const CenterFiled = defineEvent({
  type: 'tic.center.filed',
  producer: 'applications',
  summary: 'A13(四): the approval was filed (备案) with the Office of the Provincial Party Committee for S&T',
  data: z.object({ ...centerRef, filedOn: isoDate, documentRef: z.string().optional(), actor: actorSchema }),
});

const changeRef = { changeId: entityId, decidedOn: isoDate, filedOn: isoDate, actor: actorSchema };

export const CenterRenamed = defineEvent({
  type: 'tic.center.renamed',
  producer: 'applications',
  summary: 'A26: the center was renamed and the change filed with DST',
  data: z.object({ ...centerRef, previousName: localizedText, ...changeRef }),
});

export const CenterDirectionChanged = defineEvent({
  type: 'tic.center.direction_changed',
  producer: 'applications',
  summary: 'A26: the main research direction changed and the change was filed with DST',
  data: z.object({ ...centerRef, previousField: centerField, field: centerField, ...changeRef }),
});

/** The units of a center: who supports, co-builds, builds and recommends it (A7, A10). */
const centerUnits = z.object({
  supportingUnitId: entityId,
  coBuilderIds: z.array(entityId),
  constructionUnitId: entityId,
  recommenderId: entityId.describe('the supporting unit’s recommending unit (A7)'),
});

export const CenterUnitsChanged = defineEvent({
  type: 'tic.center.units_changed',
  producer: 'applications',
  summary:
    'A26: a major adjustment or reorganization of the supporting or co-building units (and the construction unit) was filed with DST',
  data: z.object({
    ...centerRef,
    ...centerUnits.shape,
    previous: centerUnits.describe('the units before the change'),
    ...changeRef,
  }),
});

export const CenterStatusChanged = defineEvent({
  type: 'tic.center.status_changed',
  producer: 'applications',
  summary: 'The center moved in its lifecycle (preparing, operating, rectifying, revoked, terminated, graduated)',
  data: z.object({
    ...centerRef,
    from: centerStatusSchema,
    to: centerStatusSchema,
    action: z.string().min(1),
    article: z.string().min(1),
    reason: z.string().optional(),
    actor: actorSchema,
    changedOn: isoDate,
  }),
});

export const CenterRevoked = defineEvent({
  type: 'tic.center.revoked',
  producer: 'applications',
  summary:
    'A31: DST revoked the center on one or more of the nine grounds (`grounds`); it is then filed with the committee office',
  data: z.object({
    ...centerRef,
    // Additive (CONTRACT.md: a subject never changes meaning): `ground` stays for consumers of the first
    // version and is the first of `grounds`; `grounds` lists every ground the case named.
    ground: z.number().int().min(1).max(9).describe('the first of `grounds` (kept for consumers of version 1)'),
    grounds: z
      .array(z.number().int().min(1).max(9))
      .min(1)
      .describe('every A31 ground the revocation rests on, in ascending order'),
    article: z.string().min(1).describe('the items of Article 31, e.g. 第三十一条第（五）项'),
    reason: z.string().min(1),
    revokedOn: isoDate,
    caseId: entityId.optional().describe('the revocation case decided'),
    actor: actorSchema,
  }),
});

export const CenterGraduated = defineEvent({
  type: 'tic.center.graduated',
  producer: 'applications',
  summary: 'A33: the center became a national or ministerial platform and no longer keeps the provincial plaque',
  data: z.object({ ...centerRef, nationalPlatform: z.string().min(1), graduatedOn: isoDate, actor: actorSchema }),
});
