import type { ApplicationDto, ReviewDto } from '@tic/contracts';
import { addDays, ROLES, type Role } from '@tic/domain';

import { DEMO_EXPERTS, DEMO_UNITS } from '../../../applications/dist/seed/demo-units';
import { RECOMMENDING_UNITS } from '../../../applications/dist/seed/recommending-units';
import { call, type PlatformWorld } from '../platform/platform-world';
import {
  approveOnceNoticeEnds,
  confirmCoBuilders,
  draft,
  FITTING_ORGS,
  ORGS,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from '../platform/journey';
import { residentId } from '../support/rosters';
import { eventually, readAllEvents } from '@tic/testing';

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
  };
  /**
   * A DST token for the matrix's own reads, from a pool of DST users: the gateway's per-user budget
   * (RATE_LIMIT a minute) is not what the matrix tests, and one user would exhaust it.
   */
  readonly reader: () => string;
  /** A resident ID number not registered yet, fresh at each call. */
  readonly freshIdNumber: () => string;
}

let serial = 40_000;

const AGREEMENT = {
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '伺服控制方向联合攻关',
  documentRef: 'docs/agreements/matrix',
};

/** Builds the owner unit's world (a filed center with people, committee and applications at every stage). */
export async function buildMatrixWorld(world: PlatformWorld): Promise<MatrixWorld> {
  const tokens = await tokensFor(world);
  let filed = await shortlisted(world, tokens);
  const notice = await publishNotice(world, tokens, [filed.id], addDays(today(), -10));
  filed = await approveOnceNoticeEnds(world, tokens, filed);
  filed = await step(world, tokens.dst, filed, 'file');
  const centerId = filed.centerId ?? '';

  const noticed = await shortlisted(world, tokens);
  const openNotice = await publishNotice(world, tokens, [noticed.id], today());
  const objection = await ok<{ id: string }>(
    call(world, 'POST', '/public/objections', {
      body: {
        noticeId: openNotice.id,
        applicationId: noticed.id,
        objectorName: '王实名',
        contact: '13800000000',
        grounds: '申报材料中的研发场地面积与实际情况不符。',
      },
    }),
  );
  const approvable = await shortlisted(world, tokens);
  const ended = await publishNotice(world, tokens, [approvable.id], addDays(today(), -10));
  await eventually(
    async () => {
      const notices = await call<{ items: { id: string; status: string }[] }>(
        world,
        'GET',
        '/public/notices?includeEnded=true&limit=100',
      );
      expect(notices.body.items.find((n) => n.id === ended.id)?.status).toBe('ended');
    },
    30_000,
    250,
  );

  const formal = await toFormalReview(world, tokens);
  const drawn = await ok<ReviewDto>(
    call(world, 'POST', `/applications/${formal.id}/review/draw`, {
      token: tokens.dst,
      body: { count: 5, reserves: 2 },
    }),
  );
  // The owner expert reviewed both the filed application and this one (five of nine each time), so it sees each.
  const filedReview = await ok<ReviewDto>(
    call(world, 'GET', `/applications/${filed.id}/review`, { token: tokens.dst }),
  );
  const reviewerId = drawn.assignments.find(
    (a) =>
      a.role === 'reviewer' && filedReview.assignments.some((f) => f.role === 'reviewer' && f.expertId === a.expertId),
  )?.expertId;
  const reviewerUserId = DEMO_EXPERTS.find((e) => e.id === reviewerId)?.userId ?? '';
  const reviewed = await ok<ApplicationDto>(call(world, 'GET', `/applications/${formal.id}`, { token: tokens.dst }));

  const lab = (name: string, supportingUnitId: string) =>
    ok<{ id: string }>(
      call(world, 'POST', '/platforms', {
        token: tokens.dst,
        body: { name, kind: 'key_laboratory', supportingUnitId },
      }),
    );
  const [ownLab, foreignLab] = [
    await lab('辽宁省矩阵本方重点实验室', ORGS.supporting),
    await lab('辽宁省矩阵外方重点实验室', FOREIGN_ORGS.supporting),
  ];

  const personIdNumber = residentId((serial += 1));
  const person = await ok<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵研究员', idNumber: personIdNumber, employerOrgId: ORGS.supporting },
    }),
  );
  const appoint = (body: Record<string, unknown>) =>
    ok<{ id: string }>(
      call(world, 'POST', '/appointments', {
        token: tokens.supporting,
        body: { platformId: centerId, kind: 'fixed', startsOn: today(), ...body },
      }),
    );
  const staff = await appoint({ personId: person.id, role: 'researcher' });
  const held = await ok<{ id: string }>(
    call(world, 'POST', '/appointments', {
      token: tokens.supporting,
      body: { platformId: ownLab.id, personId: person.id, role: 'researcher', kind: 'fixed', startsOn: today() },
    }),
  );
  const visitor = await ok<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵访问学者', idNumber: residentId((serial += 1)), employerOrgId: ORGS.coBuilder },
    }),
  );
  const floating = await appoint({ personId: visitor.id, role: 'researcher', kind: 'floating', agreement: AGREEMENT });
  const directorPerson = await ok<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵主任', idNumber: residentId((serial += 1)), employerOrgId: ORGS.supporting },
    }),
  );
  const director = await appoint({
    personId: directorPerson.id,
    role: 'director',
    decidedOn: today(),
    committeeReviewedOn: today(),
  });
  await ok(
    call(world, 'PUT', `/centers/${centerId}/committees/management`, {
      token: tokens.supporting,
      body: {
        termStartsOn: today(),
        termEndsOn: addDays(today(), 1000),
        members: [{ name: '依托单位副总', orgId: ORGS.supporting, isChair: true }],
      },
    }),
  );

  const owner = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => [
        role,
        role === 'expert'
          ? await tokens.expert(reviewerUserId)
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
    ids: {
      callId: filed.callId,
      filed,
      reviewed,
      formal: await toFormalReview(world, tokens),
      edited: await draft(world, tokens),
      stepped: await confirmCoBuilders(world, tokens, await draft(world, tokens)),
      proposing: await draft(world, tokens),
      noticeId: notice.id,
      shortlisted: await shortlisted(world, tokens),
      noticed: await ok<ApplicationDto>(call(world, 'GET', `/applications/${noticed.id}`, { token: tokens.dst })),
      openNoticeId: openNotice.id,
      objectionId: objection.id,
      approvable: await ok<ApplicationDto>(call(world, 'GET', `/applications/${approvable.id}`, { token: tokens.dst })),
      waivable: await toFormalReview(world, tokens, { areaM2: 500 }),
      submittedEventId: await submittedEvent(world, filed.id),
      centerId,
      personId: person.id,
      personIdNumber,
      staffAppointmentId: staff.id,
      floatingAppointmentId: floating.id,
      heldAppointmentId: held.id,
      directorAppointmentId: director.id,
      labId: ownLab.id,
      foreignLabId: foreignLab.id,
    },
    reader: () => readers[(read += 1) % readers.length] ?? '',
    freshIdNumber: () => residentId((serial += 1)),
  };
}

async function submittedEvent(world: PlatformWorld, applicationId: string): Promise<string> {
  const events = await readAllEvents(world.nats);
  return events.find((e) => e.subject === applicationId && e.type === 'tic.application.submitted')?.id ?? '';
}

async function toFormalReview(
  world: PlatformWorld,
  tokens: Tokens,
  change: Record<string, unknown> = {},
): Promise<ApplicationDto> {
  let application = await draft(world, tokens);
  if (Object.keys(change).length > 0) {
    application = await ok<ApplicationDto>(
      call(world, 'PUT', `/applications/${application.id}`, {
        token: tokens.construction,
        headers: { 'if-match': `W/"${application.version}"` },
        body: { ...application, ...change },
      }),
    );
  }
  application = await confirmCoBuilders(world, tokens, application);
  application = await step(world, tokens.construction, application, 'submit');
  application = await step(world, tokens.supporting, application, 'pass_supporting_review');
  application = await step(world, tokens.recommender, application, 'recommend');
  return step(world, tokens.dst, application, 'pass_formal_review');
}

async function ok<T = unknown>(reply: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await reply;
  if (status >= 300) throw new Error(`matrix world: ${status} ${JSON.stringify(body)}`);
  return body as T;
}
