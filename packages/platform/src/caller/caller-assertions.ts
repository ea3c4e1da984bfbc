import type { ServiceName } from '@tic/contracts';

import type { TrustConfig } from '../config/trust-config';
import { developmentSigningKey, developmentTrustedKeys, parseTrustedKeys, signingKeyFromSeed } from './assertion-keys';
import { CallerAssertionSigner, CallerAssertionVerifier } from './caller-assertion';

/** A process's signer (as `issuer`) and verifier, from its configuration; development keys only outside production. */
export interface CallerAssertions {
  readonly signer: CallerAssertionSigner;
  readonly verifier: CallerAssertionVerifier;
}

export function callerAssertionsFor(issuer: ServiceName, config: TrustConfig): CallerAssertions {
  // The configuration schema already refused production without keys; this is the development path.
  const signingKey =
    config.CALLER_ASSERTION_SIGNING_KEY === undefined
      ? developmentSigningKey(issuer)
      : signingKeyFromSeed(issuer, Buffer.from(config.CALLER_ASSERTION_SIGNING_KEY, 'base64url'));
  const trusted =
    config.CALLER_ASSERTION_TRUSTED_KEYS === undefined
      ? developmentTrustedKeys()
      : parseTrustedKeys(config.CALLER_ASSERTION_TRUSTED_KEYS);
  return { signer: new CallerAssertionSigner(signingKey), verifier: new CallerAssertionVerifier(trusted) };
}
