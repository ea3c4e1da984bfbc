import { z } from 'zod';

import { ORGANIZATION_KINDS } from '@tic/domain';

import { entityId } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';

const usccString = z.string().trim().toUpperCase().length(18, 'a Unified Social Credit Code has 18 characters');

/** A registered unit (单位): a legal person, a department of one, or a recommending unit (A7). */
export const organizationSchema = z.object({
  id: entityId,
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  legalPerson: z.boolean(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** A12(一): the registered domicile (住所) from the business licence, and its division code. */
  domicile: z.string().nullable(),
  domicileDivisionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  /** A construction unit's supporting unit (A10: usually a secondary unit of it). */
  parentId: entityId.nullable(),
  /** The recommending unit whose jurisdiction the unit is in (A7). */
  recommenderId: entityId.nullable(),
  isRecommender: z.boolean(),
  /** What a recommending unit covers, in words (e.g. 沈阳市 / 省属高等学校). */
  jurisdiction: z.string().nullable(),
  version: z.number().int(),
});
export type OrganizationDto = z.output<typeof organizationSchema>;

export const CreateOrganization = defineRpc({
  service: 'applications',
  operation: 'organizations.create',
  summary: 'DST registers a unit; its credit code is validated (GB 32100-2015)',
  request: z.object({
    name: z.string().trim().min(2).max(100),
    uscc: usccString.optional(),
    kind: z.enum(ORGANIZATION_KINDS),
    legalPerson: z.boolean(),
    /** A12(一): the domicile on the business licence (evidence of registration in Liaoning). */
    domicile: z
      .object({
        address: z.string().trim().min(2).max(200),
        divisionCode: z.string().regex(/^\d{6}$/, 'a six-digit administrative division code (GB/T 2260)'),
      })
      .optional(),
    parentId: entityId.optional(),
    recommenderId: entityId.optional(),
    isRecommender: z.boolean().default(false),
    jurisdiction: z.string().trim().max(100).optional(),
  }),
  response: organizationSchema,
});

export const GetOrganization = defineRpc({
  service: 'applications',
  operation: 'organizations.get',
  summary: 'One unit',
  request: z.object({ id: entityId }),
  response: organizationSchema,
});

export const ListOrganizations = defineRpc({
  service: 'applications',
  operation: 'organizations.list',
  summary: 'Units, filterable by kind, recommender flag and name',
  request: z.object({
    ...pageRequest,
    kind: z.enum(ORGANIZATION_KINDS).optional(),
    isRecommender: z.coerce.boolean().optional(),
    q: z.string().trim().max(50).optional(),
  }),
  response: pageOf(organizationSchema),
});

/** What the gateway needs to know of a token's organization to check that its role fits (DOMAIN.md §1). */
export const organizationStandingSchema = z.object({
  kind: z.enum(ORGANIZATION_KINDS),
  legalPerson: z.boolean(),
  isRecommender: z.boolean(),
  authority: z.enum(['dst', 'committee_office']).nullable(),
});

export const GetOrganizationStanding = defineRpc({
  service: 'applications',
  operation: 'organizations.standing',
  summary: 'The standing of a token’s organization (null when it is not registered), for the gateway’s role check',
  request: z.object({ id: z.string().trim().min(1).max(100) }),
  response: z.object({ id: z.string(), standing: organizationStandingSchema.nullable() }),
});
