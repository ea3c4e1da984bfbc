import type { ApplicationDto, ChangeDto } from '@tic/contracts';
import { ROLES, type Role } from '@tic/domain';

import { DEMO_EXPERTS, DEMO_UNITS } from '../../../applications/dist/seed/demo-units';
import { RECOMMENDING_UNITS } from '../../../applications/dist/seed/recommending-units';
import type { PlatformWorld } from '../platform/platform-world';
import { FITTING_ORGS, ORGS, tokensFor, type Tokens } from '../platform/journey';
import { residentId } from '../support/rosters';
import { ownerApplications } from './owner-applications';
import { ownerChanges } from './owner-changes';
import { ownerFunding, type FundingIds } from './owner-funding';
import { ownerInbox, type InboxIds } from './owner-inbox';
import { ownerPersonnel } from './owner-personnel';
import { ownerRectification, type RectificationIds } from './owner-rectification';
import { ownerReports, type ReportIds } from './owner-reports';
import { ownerRevocation, type RevocationIds } from './owner-revocation';
import { ownerRounds, type RoundIds } from './owner-rounds';
import { ownerWebhooks, type WebhookIds } from './owner-webhooks';

const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';

/** The other side: a unit of every role that has nothing to do with the owner's center and applications. */
export const FOREIGN_ORGS = {
  supporting: unit('大连示范海洋工程研究院有限公司'),
  construction: unit('大连示范海洋工程研究院有限公司技术中心'),
  recommender: RECOMMENDING_UNITS.find((r) => r.name === '大连市科学技术局')?.id ?? '',
  coBuilder: unit('大连示范理工大学'),
};

/**
 * DOMAIN.md §1: the foreign organization of each role. DST and the committee office are one organization
 * each, so their foreign side is their role held by another unit's user, which must be refused outright.
 */
const FOREIGN_CALLERS: Record<Role, { org: string; sub?: string }> = {
  dst_admin: { org: FOREIGN_ORGS.supporting },
  committee_office: { org: FOREIGN_ORGS.supporting },
  recommender: { org: FOREIGN_ORGS.recommender },
  supporting_unit: { org: FOREIGN_ORGS.supporting },
  co_builder: { org: FOREIGN_ORGS.coBuilder },
  construction_unit: { org: FOREIGN_ORGS.construction },
  // An expert of the pool drawn for nothing of the owner's: the co-builder's, whom 回避 keeps out of every draw.
  expert: { org: ORGS.coBuilder, sub: DEMO_EXPERTS.find((e) => e.orgId === ORGS.coBuilder)?.userId ?? '' },
  evaluator: { org: FOREIGN_ORGS.coBuilder, sub: 'evaluator-foreign' },
  agency: { org: FOREIGN_ORGS.recommender, sub: 'agency-foreign' },
};

export type Side = 'owner' | 'foreign';

/** The owner unit's resources every probe aims at, and a token of each role on both sides. */
export interface MatrixWorld {
  readonly world: PlatformWorld;
  readonly tokens: Tokens;
  readonly token: Record<Side, Record<Role, string>>;
  readonly ids: {
    readonly callId: string;
    /** Filed: the owner's center came from it. */
    readonly filed: ApplicationDto;
    /** In expert review, experts drawn; the owner expert is its first reviewer. */
    readonly reviewed: ApplicationDto;
    /** In formal review, waiting for its draw. */
    readonly formal: ApplicationDto;
    /** Drafts, one per route that changes a draft; `proposing` has its co-builder unconfirmed. */
    readonly edited: ApplicationDto;
    readonly stepped: ApplicationDto;
    readonly proposing: ApplicationDto;
    readonly noticeId: string;
    /** Shortlisted, for DST's notice. */
    readonly shortlisted: ApplicationDto;
    /** In a notice whose window is open, held by a real-name objection (`objectionId`). */
    readonly noticed: ApplicationDto;
    readonly openNoticeId: string;
    readonly objectionId: string;
    /** Its notice ended: DST may approve it. */
    readonly approvable: ApplicationDto;
    /** In formal review, short of A12(三)'s area: a principle rule DST may waive. */
    readonly waivable: ApplicationDto;
    /** The journal's event of the filed application's submission, before the committee office may see it. */
    readonly submittedEventId: string;
    readonly centerId: string;
    readonly personId: string;
    readonly personIdNumber: string;
    readonly staffAppointmentId: string;
    readonly floatingAppointmentId: string;
    /** The owner's researcher as fixed staff of its laboratory too: held for DST's A18 waiver. */
    readonly heldAppointmentId: string;
    /** A key laboratory of the owner's supporting unit, and one of the foreign supporting unit. */
    readonly labId: string;
    readonly foreignLabId: string;
    readonly directorAppointmentId: string;
    /** A26: change reports of the owner's center, drafts: one to edit, one to submit. */
    readonly editedChange: ChangeDto;
    readonly steppedChange: ChangeDto;
  };
  /**
   * A DST token for the matrix's own reads, from a pool of DST users: the gateway's per-user budget
   * (RATE_LIMIT a minute) is not what the matrix tests, and one user would exhaust it.
   */
  readonly reader: () => string;
  /** The owner's centers and cases of a center's standing (A31, A33, A12). */
  readonly revocation: RevocationIds;
  /** The rounds holding the owner's center at each stage of an evaluation (A28–A30). */
  readonly rounds: RoundIds;
  /** The owner's rectifications at each step of their acceptance (A30). */
  readonly rectification: RectificationIds;
  /** The owner center's annual reports (A27). */
  readonly reports: ReportIds;
  /** The owner agency's webhook subscription (CONTRACT.md, Events, way 1). */
  readonly webhooks: WebhookIds;
  /** The owner center's allocations of provincial funds (A33–A36). */
  readonly funding: FundingIds;
  /** A message of the owner supporting unit's inbox (DOMAIN.md §7). */
  readonly inbox: InboxIds;
  /** A resident ID number not registered yet, fresh at each call. */
  readonly freshIdNumber: () => string;
}

let serial = 40_000;

/** Builds the owner unit's world (a filed center with people, committee and applications at every stage). */
export async function buildMatrixWorld(world: PlatformWorld): Promise<MatrixWorld> {
  const tokens = await tokensFor(world);
  const applications = await ownerApplications(world, tokens);
  const freshIdNumber = () => residentId((serial += 1));
  const personnel = await ownerPersonnel(
    world,
    tokens,
    applications.ids.centerId,
    FOREIGN_ORGS.supporting,
    freshIdNumber,
  );
  const changes = await ownerChanges(world, tokens, applications.ids.centerId);

  const owner = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => [
        role,
        role === 'expert'
          ? await tokens.expert(applications.reviewerUserId)
          : await world.token(role, FITTING_ORGS[role], `matrix-owner-${role}`),
      ]),
    ),
  ) as Record<Role, string>;
  const foreign = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => [role, await world.token(role, FOREIGN_CALLERS[role].org, FOREIGN_CALLERS[role].sub)]),
    ),
  ) as Record<Role, string>;

  const readers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => world.token('dst_admin', ORGS.dst, `matrix-reader-${i}`)),
  );
  let read = 0;
  return {
    world,
    tokens,
    token: { owner, foreign },
    ids: { ...applications.ids, ...personnel, ...changes },
    revocation: await ownerRevocation(world, tokens),
    rounds: await ownerRounds(world, tokens, applications.ids.centerId),
    rectification: await ownerRectification(world, tokens, applications.reviewerUserId),
    reports: await ownerReports(world, tokens, applications.ids.centerId),
    webhooks: await ownerWebhooks(world, owner.agency),
    funding: await ownerFunding(world, tokens, applications.ids.centerId),
    inbox: await ownerInbox(world, tokens),
    reader: () => readers[(read += 1) % readers.length] ?? '',
    freshIdNumber,
  };
}
