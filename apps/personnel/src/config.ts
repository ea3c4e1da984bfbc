import { z } from 'zod';

import { isProduction, serviceConfigSchema } from '@tic/platform';

import { parseKeyRing, parseSecret } from './identity/key-ring';

// Development keys, so that `npm start` works out of the box; production refuses them.
const DEVELOPMENT_ENCRYPTION_KEYS = 'dev-1:ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=';
const DEVELOPMENT_HMAC_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1sb29rdXAta2V5LWZvci1pZC1udW1iZXJz';

/** The personnel service's environment; a bad setting stops the start with one line. */
export const personnelConfigSchema = serviceConfigSchema({
  HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(3102),
  DEADLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('tic'),
  /**
   * Lines of roster one user may check a day (Asia/Shanghai): an annual report's roster is hundreds,
   * a recommender's review of its centers a few thousand; a province-wide sweep of numbers is not a check.
   */
  PERSONNEL_QUOTA_ROSTER_LINES_PER_DAY: z.coerce.number().int().min(1).default(20_000),
  /** People one user may register, or appoint by resident ID number, a day: each answers whether a number is known. */
  PERSONNEL_QUOTA_REGISTRATIONS_PER_DAY: z.coerce.number().int().min(1).default(200),
  /**
   * Days a user's daily use is kept after the day: the record of who checked how many numbers, for an
   * inquiry into a suspected sweep, without a row per user and day forever.
   */
  PERSONNEL_QUOTA_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** Moves the service's clock by whole days; end-to-end tests only, refused in production. */
  CLOCK_OFFSET_DAYS: z.coerce.number().int().min(-3650).max(3650).default(0),
  /**
   * AES-256-GCM keys for resident ID numbers, `id:base64,id:base64…`. The first encrypts; the
   * others still decrypt until `npm run rotate-keys -w @tic/personnel` has re-encrypted every row.
   */
  PERSONNEL_ID_ENCRYPTION_KEYS: z
    .string()
    .default(DEVELOPMENT_ENCRYPTION_KEYS)
    .transform((value, ctx) => parseKeyRing(value, ctx)),
  /** HMAC-SHA-256 key of the lookup hash; the duplicate check compares hashes and never decrypts. */
  PERSONNEL_ID_HMAC_KEY: z
    .string()
    .default(DEVELOPMENT_HMAC_KEY)
    .transform((value, ctx) => parseSecret(value, ctx)),
})
  .refine((config) => !isProduction(config) || config.CLOCK_OFFSET_DAYS === 0, {
    path: ['CLOCK_OFFSET_DAYS'],
    error: 'must be 0 in production',
  })
  // By the key's bytes, not its id: the development key renamed is still public.
  .refine((config) => !isProduction(config) || !holdsDevelopmentKey(config.PERSONNEL_ID_ENCRYPTION_KEYS.all.values()), {
    path: ['PERSONNEL_ID_ENCRYPTION_KEYS'],
    error: 'must be set in production (the development key is public)',
  })
  .refine(
    (config) =>
      !isProduction(config) || !config.PERSONNEL_ID_HMAC_KEY.equals(Buffer.from(DEVELOPMENT_HMAC_KEY, 'base64')),
    {
      path: ['PERSONNEL_ID_HMAC_KEY'],
      error: 'must be set in production (the development key is public)',
    },
  );

function holdsDevelopmentKey(keys: Iterable<Buffer>): boolean {
  const development = Buffer.from(
    DEVELOPMENT_ENCRYPTION_KEYS.slice(DEVELOPMENT_ENCRYPTION_KEYS.indexOf(':') + 1),
    'base64',
  );
  return [...keys].some((key) => key.equals(development));
}

export type PersonnelConfig = z.output<typeof personnelConfigSchema>;
