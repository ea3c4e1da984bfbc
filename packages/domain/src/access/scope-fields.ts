import type { ScopeField } from './access-types';

export type UnitScopeField = 'supportingUnitId' | 'constructionUnitId' | 'recommenderId' | 'coBuilderIds';

// Every scope field, and whether it ties a center (an application, a platform) to one of its units (DOMAIN.md
// §1): a record, so that a field added to ScopeField does not compile until it says.
const TIES_A_UNIT: Record<ScopeField, boolean> = {
  supportingUnitId: true,
  constructionUnitId: true,
  recommenderId: true,
  coBuilderIds: true,
  assignedUserIds: false,
  employerOrgId: false,
  registeredByOrgId: false,
  recipientOrgId: false,
  entrustedAgencyId: false,
};

export function isUnitScopeField(field: ScopeField): field is UnitScopeField {
  return TIES_A_UNIT[field];
}
