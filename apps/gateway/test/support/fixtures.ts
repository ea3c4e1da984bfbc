import { randomUUID } from 'node:crypto';

import type { ApplicationDto, OrganizationDto } from '@tic/contracts';

/** A registered unit as the applications service returns it. */
export function organizationDto(overrides: Partial<OrganizationDto> = {}): OrganizationDto {
  return {
    id: randomUUID(),
    name: '沈阳新材料研究院有限公司',
    uscc: null,
    kind: 'enterprise',
    legalPerson: true,
    regionCode: '210100',
    domicile: null,
    domicileDivisionCode: null,
    parentId: null,
    recommenderId: null,
    isRecommender: false,
    jurisdiction: null,
    version: 3,
    ...overrides,
  };
}

/** An application in draft, as the applications service returns it. */
export function applicationDto(overrides: Partial<ApplicationDto> = {}): ApplicationDto {
  const now = '2027-03-02T08:00:00Z';
  return {
    id: randomUUID(),
    version: 3,
    status: 'draft',
    callId: randomUUID(),
    constructionUnitId: randomUUID(),
    recommenderId: randomUUID(),
    regionCode: '210100',
    field: { zh: '先进材料', en: 'Advanced Materials' },
    supportingUnitId: randomUUID(),
    proposedCoBuilderIds: [],
    coBuilderIds: [],
    coBuildersConfirmedAt: null,
    areaM2: 1200,
    equipmentValueCny: 8_000_000,
    technicalLeaders: 1,
    fullTimeStaff: 12,
    achievements: [],
    cooperation: [],
    requestedTrack: 'formal',
    proposedName: {
      zh: '辽宁省先进材料技术创新中心',
      en: 'Liaoning Technology Innovation Center for Advanced Materials',
    },
    findings: [],
    waivers: [],
    allowedActions: ['submit'],
    history: [],
    centerId: null,
    track: null,
    revision: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** A valid body for POST /applications. */
export function applicationForm(): Record<string, unknown> {
  return {
    callId: randomUUID(),
    field: { zh: '先进材料', en: 'Advanced Materials' },
    supportingUnitId: randomUUID(),
    areaM2: 1200,
    equipmentValueCny: 8_000_000,
    technicalLeaders: 1,
    fullTimeStaff: 12,
  };
}
