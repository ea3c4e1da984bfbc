import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** A fresh Ed25519 key: its seed as CALLER_ASSERTION_SIGNING_KEY takes it, and its trusted entry. */
export function assertionKey(issuer: string): { seed: string; trustedEntry: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64url');
  const raw = publicKey.export({ format: 'jwk' }).x ?? '';
  return { seed, trustedEntry: `${issuer}:${raw}` };
}

const secret = () => randomBytes(32).toString('base64');
const password = () => randomBytes(16).toString('hex');

/**
 * The variables an operator puts in compose's `.env`, each a fresh secret of the right form: what a
 * deployment's services must start on in production.
 */
export function composeOperatorEnv(): Record<string, string> {
  const gateway = assertionKey('gateway');
  const evaluations = assertionKey('evaluations');
  const env: Record<string, string> = {
    POSTGRES_PASSWORD: password(),
    REDIS_PASSWORD: password(),
    IDEMPOTENCY_FINGERPRINT_KEY: secret(),
    CALLER_ASSERTION_TRUSTED_KEYS: gateway.trustedEntry,
    FUNDING_CALLER_ASSERTION_TRUSTED_KEYS: `${gateway.trustedEntry},${evaluations.trustedEntry}`,
    GATEWAY_ASSERTION_SIGNING_KEY: gateway.seed,
    EVALUATIONS_ASSERTION_SIGNING_KEY: evaluations.seed,
    PERSONNEL_ID_ENCRYPTION_KEYS: `k2026:${secret()}`,
    PERSONNEL_ID_HMAC_KEY: secret(),
    JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
    JWT_ISSUER: 'https://idp.example.org',
    JWT_AUDIENCE: 'tic-platform',
  };
  for (const user of [
    'GATEWAY',
    'APPLICATIONS',
    'PERSONNEL',
    'EVALUATIONS',
    'FUNDING',
    'NOTIFICATIONS',
    'AGENCY_DEMO',
  ]) {
    env[`NATS_${user}_PASSWORD`] = password();
  }
  for (const service of ['APPLICATIONS', 'PERSONNEL', 'FUNDING', 'NOTIFICATIONS']) {
    env[`${service}_ASSERTION_SIGNING_KEY`] = assertionKey(service.toLowerCase()).seed;
  }
  return env;
}

/** The Secrets the Kubernetes manifests name, key by key, as an operator creates them (README, Runbook). */
export function kubernetesSecrets(): Record<string, Record<string, string>> {
  const compose = composeOperatorEnv();
  const pick = (pattern: RegExp) => Object.fromEntries(Object.entries(compose).filter(([key]) => pattern.test(key)));
  return {
    'tic-nats-users': pick(/^NATS_.*_PASSWORD$/),
    'tic-assertion-keys': pick(/_ASSERTION_SIGNING_KEY$/),
    'tic-platform': {
      IDEMPOTENCY_FINGERPRINT_KEY: compose.IDEMPOTENCY_FINGERPRINT_KEY ?? '',
      REDIS_URL: `redis://:${password()}@redis.tic.svc:6379`,
      SMTP_URL: `smtp://tic:${password()}@smtp.example.org:587`,
    },
    'tic-personnel-ids': pick(/^PERSONNEL_ID_/),
    // CloudNativePG writes this one for the Cluster's application user.
    'tic-postgres-app': { uri: `postgresql://tic:${password()}@tic-postgres-rw.tic:5432/tic` },
  };
}
