import { randomUUID } from 'node:crypto';

import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

import type { ServiceName } from '@tic/contracts';

import type { Caller } from '../context/call-context';
import { callerSchema } from '../rpc/rpc-headers';
import type { RpcFailure } from '../rpc/rpc-failure';
import { refuse } from '../rpc/refusals';
import { rawPublicKey, type SigningKey, type TrustedKey } from './assertion-keys';
import { CALLER_REFUSALS } from './caller.refusals';

/** An assertion is made for one request and checked when it arrives: a minute covers transit and clock skew. */
export const ASSERTION_TTL_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;
const TYPE = 'tic-caller+jwt';

/** Who signed an assertion, and the user it vouches for (none for a service's own calls: health, journals). */
export interface VerifiedAssertion {
  readonly issuer: ServiceName;
  readonly caller?: Caller;
}

/**
 * Signs the caller of one RPC: a compact EdDSA JWS whose `aud` is the RPC subject, so that it cannot
 * be replayed onto another operation, and whose `iss` is the signing service (the gateway for users).
 */
export class CallerAssertionSigner {
  private readonly keyId: string;

  /** `now` (milliseconds) is the signing clock; a test moves it back to make expired assertions. */
  constructor(
    private readonly key: SigningKey,
    private readonly now: () => number = Date.now,
  ) {
    this.keyId = key.trustedEntry.slice(key.issuer.length + 1);
  }

  get issuer(): ServiceName {
    return this.key.issuer;
  }

  sign(subject: string, caller?: Caller): Promise<string> {
    const issuedAt = Math.floor(this.now() / 1000);
    return new SignJWT(caller === undefined ? {} : { caller: { ...caller } })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.keyId, typ: TYPE })
      .setIssuer(this.key.issuer)
      .setAudience(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ASSERTION_TTL_SECONDS)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
  }
}

/** Checks assertions against the trusted public keys; a refusal carries `caller.assertion_*`. */
export class CallerAssertionVerifier {
  private readonly keys: ReadonlyMap<string, TrustedKey>;

  constructor(keys: readonly TrustedKey[]) {
    this.keys = new Map(keys.map((key) => [rawPublicKey(key.publicKey), key]));
  }

  async verify(assertion: string | undefined, subject: string): Promise<VerifiedAssertion> {
    if (assertion === undefined || assertion === '') throw refuse(CALLER_REFUSALS.assertion_missing);
    const key = this.keys.get(keyIdOf(assertion) ?? '');
    if (key === undefined) throw invalid('not signed by a trusted key');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(assertion, key.publicKey, {
        algorithms: ['EdDSA'],
        typ: TYPE,
        issuer: key.issuer,
        audience: subject,
        requiredClaims: ['iat', 'exp'],
        maxTokenAge: ASSERTION_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw refuse(CALLER_REFUSALS.assertion_expired);
      throw invalid(error instanceof Error ? error.message : 'unreadable');
    }
    if (payload.caller === undefined) return { issuer: key.issuer };
    const caller = callerSchema.safeParse(payload.caller);
    if (!caller.success) throw invalid('the caller it names is malformed');
    return { issuer: key.issuer, caller: caller.data };
  }
}

function keyIdOf(assertion: string): string | undefined {
  try {
    return decodeProtectedHeader(assertion).kid;
  } catch {
    return undefined;
  }
}

function invalid(why: string): RpcFailure {
  return refuse(CALLER_REFUSALS.assertion_invalid, { why });
}
