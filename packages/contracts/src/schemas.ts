import { z } from 'zod';

import { APPLICATION_STATUSES, CENTER_STATUSES, isValidIsoDate, RULE_IDS, ROLES, type RuleId } from '@tic/domain';

/** A legal date, `YYYY-MM-DD`, that exists on the calendar. */
export const isoDate = z.iso.date().refine(isValidIsoDate, { error: 'must be a real date written as YYYY-MM-DD' });

/** An instant in RFC 3339, UTC. */
export const instant = z.iso.datetime({ offset: false });

/** A year a query filters by: the platform's years, so that `year=99999999999` is a 400, not a database error. */
export const queryYear = z.coerce.number().int().min(2000).max(2100);

/** Ids of the platform's aggregates. */
export const entityId = z.uuid();

export const localizedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});

/** A center's field or direction (领域/方向), A37. */
export const centerField = localizedText.describe('field or direction (领域/方向) in Chinese and English');

export const roleSchema = z.enum(ROLES);
export const actorRoleSchema = z.enum([...ROLES, 'public', 'system']);

/** Who did something: names and roles only, never an identity number (CONTRACT.md). */
export const actorSchema = z.object({
  userId: z.string().min(1).describe('the `sub` of the token, or "system"'),
  name: z.string().min(1),
  role: actorRoleSchema,
  orgId: entityId.optional(),
});

export const ruleIdSchema = z.enum(RULE_IDS as [RuleId, ...RuleId[]]);

export const findingSchema = z.object({
  rule: ruleIdSchema,
  article: z.string().min(1),
  severity: z.enum(['hard', 'principle', 'advisory']),
  passed: z.boolean(),
  message: localizedText,
  details: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .describe('the facts behind the outcome: counts, the conflicting platform and since when…'),
});

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export const centerStatusSchema = z.enum(CENTER_STATUSES);

/** An amount of money in CNY, as a decimal string so that no float rounds it. */
export const amountCny = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'a decimal amount in CNY with at most two decimals');

/** The services of the platform; each owns a `source` and an RPC subject space. */
export const SERVICE_NAMES = [
  'applications',
  'personnel',
  'evaluations',
  'funding',
  'notifications',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const serviceNameSchema = z.enum(SERVICE_NAMES);
