import { Injectable } from '@nestjs/common';

import { GetOrganizationStanding } from '@tic/contracts';
import { type OrganizationStanding, roleFitsOrganization } from '@tic/domain';
import { type Caller, RpcClient } from '@tic/platform';

import { ProblemException } from '../http/problem.exception';

/** How long a decision is kept: short, so that a unit DST registers (or corrects) counts within a minute. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * DOMAIN.md §1: a token's role must fit its organization (dst_admin only for DST, a recommender only for
 * a registered recommending unit …). The applications service, which registers organizations, says what
 * the organization is; the decision per role and organization is kept briefly.
 */
@Injectable()
export class OrganizationFit {
  private readonly decisions = new Map<
    string,
    { readonly standing: OrganizationStanding | null; readonly until: number }
  >();

  constructor(private readonly rpc: RpcClient) {}

  /** Refuses (403 problem+json naming the role) a caller whose role does not fit its organization. */
  async check(caller: Caller): Promise<void> {
    const standing = await this.standingOf(caller);
    const fit = roleFitsOrganization(caller.role, standing ?? undefined);
    if (!fit.fits) throw ProblemException.of('forbidden', fit.message, { reason: fit.code });
  }

  private async standingOf(caller: Caller): Promise<OrganizationStanding | null> {
    const key = `${caller.role}\u0000${caller.orgId}`;
    const now = Date.now();
    const kept = this.decisions.get(key);
    if (kept !== undefined && kept.until > now) return kept.standing;
    const { standing } = await this.rpc.request(GetOrganizationStanding, { id: caller.orgId }, { caller });
    if (this.decisions.size >= MAX_ENTRIES) this.decisions.clear();
    this.decisions.set(key, { standing, until: now + TTL_MS });
    return standing;
  }
}
