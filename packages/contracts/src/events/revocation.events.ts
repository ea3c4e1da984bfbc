import { z } from 'zod';

import { defineEvent } from '../define-event';
import { revocationGroundsSchema } from '../revocation-schemas';
import { actorSchema, entityId, isoDate, localizedText } from '../schemas';

const caseRef = {
  caseId: entityId,
  centerId: entityId,
  name: localizedText.describe('the A37 name of the center'),
  grounds: revocationGroundsSchema,
  actor: actorSchema,
};

// Who is told: the center's units, so that each subscriber can route the event (DOMAIN.md §7).
const centerUnits = {
  supportingUnitId: entityId,
  constructionUnitId: entityId,
  recommenderId: entityId,
  coBuilderIds: z.array(entityId),
};

export const RevocationProposed = defineEvent({
  type: 'tic.revocation.proposed',
  producer: 'applications',
  summary:
    'A31(三)(四): a deadline passed (annual report, evaluation) and a revocation is proposed to DST, who confirms or dismisses it',
  data: z.object({ ...caseRef, ...centerUnits, proposedOn: isoDate, cause: z.string().min(1) }),
});

export const RevocationOpened = defineEvent({
  type: 'tic.revocation.opened',
  producer: 'applications',
  summary: 'A31: a revocation case was opened against the center; its units are told and may answer until `answerBy`',
  data: z.object({ ...caseRef, ...centerUnits, openedOn: isoDate, answerBy: isoDate, statement: z.string().min(1) }),
});

export const RevocationAnswered = defineEvent({
  type: 'tic.revocation.answered',
  producer: 'applications',
  summary: 'A31: the supporting unit answered the case with a statement',
  data: z.object({ ...caseRef, answeredOn: isoDate }),
});

export const RevocationDismissed = defineEvent({
  type: 'tic.revocation.dismissed',
  producer: 'applications',
  summary: 'A31(三)(四): DST dismissed a proposed revocation for a good reason',
  data: z.object({ ...caseRef, reason: z.string().min(1), decidedOn: isoDate }),
});

export const RevocationClosed = defineEvent({
  type: 'tic.revocation.closed',
  producer: 'applications',
  summary: 'A31: DST closed the case without revoking the center, with its reasons',
  data: z.object({ ...caseRef, reason: z.string().min(1), decidedOn: isoDate }),
});

export const RevocationFiled = defineEvent({
  type: 'tic.revocation.filed',
  producer: 'applications',
  summary: 'A31: the revocation was filed (备案) with the Office of the Provincial Party Committee for S&T',
  data: z.object({ ...caseRef, filedOn: isoDate, documentRef: z.string().min(1) }),
});
