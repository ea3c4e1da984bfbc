// The demo data set as the applications service's seed (built to dist before this test runs) loads it.
import type { ApplicationDto, NoticeDto, ReviewDto } from '@tic/contracts';
import { addDays, type Role } from '@tic/domain';
import { eventually } from '@tic/testing';

import { DEMO_EXPERTS, DEMO_UNITS } from '../../../applications/dist/seed/demo-units';
import { AUTHORITIES, RECOMMENDING_UNITS } from '../../../applications/dist/seed/recommending-units';
import { call, type PlatformWorld } from './platform-world';

const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';

export const ORGS = {
  dst: AUTHORITIES.dst.id,
  construction: unit('辽宁示范智能装备股份有限公司中央研究院'),
  supporting: unit('辽宁示范智能装备股份有限公司'),
  coBuilder: unit('东北示范理工大学'),
  recommender: RECOMMENDING_UNITS.find((r) => r.name === '沈阳市科学技术局')?.id ?? '',
  otherConstruction: unit('大连示范海洋工程研究院有限公司技术中心'),
  committeeOffice: AUTHORITIES.committeeOffice.id,
};

/** DOMAIN.md §1: an organization of the demo set that each role fits (an expert or evaluator: a university). */
export const FITTING_ORGS: Record<Role, string> = {
  dst_admin: ORGS.dst,
  committee_office: ORGS.committeeOffice,
  recommender: ORGS.recommender,
  supporting_unit: ORGS.supporting,
  co_builder: ORGS.coBuilder,
  construction_unit: ORGS.construction,
  expert: ORGS.coBuilder,
  evaluator: ORGS.coBuilder,
  // A city bureau integrating its own systems with the platform.
  agency: ORGS.recommender,
};

export interface Tokens {
  dst: string;
  construction: string;
  supporting: string;
  recommender: string;
  otherConstruction: string;
  expert: (userId: string) => Promise<string>;
}

export async function tokensFor(world: PlatformWorld): Promise<Tokens> {
  return {
    dst: await world.token('dst_admin', ORGS.dst),
    construction: await world.token('construction_unit', ORGS.construction),
    supporting: await world.token('supporting_unit', ORGS.supporting),
    recommender: await world.token('recommender', ORGS.recommender),
    otherConstruction: await world.token('construction_unit', ORGS.otherConstruction),
    expert: (userId) => world.token('expert', DEMO_EXPERTS.find((e) => e.userId === userId)?.orgId ?? ORGS.dst, userId),
  };
}

/** Today in Asia/Shanghai, as the services count legal dates. */
export const today = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function form(callId: string) {
  return {
    callId,
    field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
    supportingUnitId: ORGS.supporting,
    proposedCoBuilderIds: [ORGS.coBuilder],
    areaM2: 3200,
    equipmentValueCny: 12_000_000,
    technicalLeaders: 2,
    fullTimeStaff: 36,
    achievements: [
      {
        title: '高精度伺服控制系统',
        description: '国内领先',
        evidence: [{ fileName: '鉴定证书.pdf', sizeBytes: 102400, sha256: 'b'.repeat(64), ref: 'docs/9' }],
      },
    ],
    cooperation: [],
  };
}

async function ok<T>(reply: Promise<{ status: number; body: T }>, expected = 200): Promise<T> {
  const { status, body } = await reply;
  if (status !== expected) throw new Error(`expected ${expected}, got ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** A37: centers that are not revoked have distinct names, so a world approving twice names a second field. */
export type Field = ReturnType<typeof form>['field'];

/** DST opens a call and a construction unit drafts an eligible application in it. */
export async function draft(world: PlatformWorld, tokens: Tokens, field?: Field): Promise<ApplicationDto> {
  const call_ = await ok(
    call<{ id: string }>(world, 'POST', '/calls', {
      token: tokens.dst,
      body: {
        year: 2027,
        title: '2027年度辽宁省技术创新中心申报',
        opensOn: addDays(today(), -1),
        closesOn: addDays(today(), 30),
      },
    }),
    201,
  );
  return ok(
    call<ApplicationDto>(world, 'POST', '/applications', {
      token: tokens.construction,
      body: { ...form(call_.id), ...(field ? { field } : {}) },
    }),
    201,
  );
}

/** A10: the supporting unit confirms the co-builders the construction unit proposed. */
export function confirmCoBuilders(world: PlatformWorld, tokens: Tokens, application: ApplicationDto) {
  return ok(
    call<ApplicationDto>(world, 'POST', `/applications/${application.id}/co-builders/confirm`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${application.version}"` },
      body: {},
    }),
  );
}

/** One A13 step through the gateway, with the version in If-Match. */
export function step(
  world: PlatformWorld,
  token: string,
  application: ApplicationDto,
  action: string,
  comment?: string,
): Promise<ApplicationDto> {
  return ok(
    call<ApplicationDto>(world, 'POST', `/applications/${application.id}/transitions`, {
      token,
      headers: { 'if-match': `W/"${application.version}"` },
      body: { action, ...(comment ? { comment } : {}) },
    }),
  );
}

/**
 * From draft to the shortlist: every review level, the draw and five experts' scores. `change` edits the
 * draft first (e.g. `requestedTrack: 'preparation'`).
 */
export async function shortlisted(
  world: PlatformWorld,
  tokens: Tokens,
  field?: Field,
  change: Record<string, unknown> = {},
): Promise<ApplicationDto> {
  let application = await draft(world, tokens, field);
  if (Object.keys(change).length > 0) {
    application = await ok(
      call<ApplicationDto>(world, 'PUT', `/applications/${application.id}`, {
        token: tokens.construction,
        headers: { 'if-match': `W/"${application.version}"` },
        body: { ...form(application.callId), ...(field ? { field } : {}), ...change },
      }),
    );
  }
  application = await confirmCoBuilders(world, tokens, application);
  application = await step(world, tokens.construction, application, 'submit');
  application = await step(world, tokens.supporting, application, 'pass_supporting_review');
  application = await step(world, tokens.recommender, application, 'recommend');
  application = await step(world, tokens.dst, application, 'pass_formal_review');
  const review = await ok(
    call<ReviewDto>(world, 'POST', `/applications/${application.id}/review/draw`, {
      token: tokens.dst,
      body: { count: 5, reserves: 2 },
    }),
    201,
  );
  for (const assignment of review.assignments.filter((a) => a.role === 'reviewer')) {
    const userId = DEMO_EXPERTS.find((e) => e.id === assignment.expertId)?.userId ?? '';
    await ok(
      call(world, 'POST', `/applications/${application.id}/review/score`, {
        token: await tokens.expert(userId),
        body: { score: 86, opinion: '研发基础扎实，建设方案可行。' },
      }),
    );
  }
  application = await ok(call<ApplicationDto>(world, 'GET', `/applications/${application.id}`, { token: tokens.dst }));
  return step(world, tokens.dst, application, 'shortlist');
}

export function publishNotice(
  world: PlatformWorld,
  tokens: Tokens,
  applicationIds: string[],
  startsOn: string,
): Promise<NoticeDto> {
  return ok(
    call<NoticeDto>(world, 'POST', '/notices', {
      token: tokens.dst,
      body: { title: '拟建辽宁省技术创新中心名单公示', applicationIds, startsOn },
    }),
    201,
  );
}

/** DST approves once the application's public notice has ended (the notice's end fires asynchronously). */
export function approveOnceNoticeEnds(
  world: PlatformWorld,
  tokens: Tokens,
  application: ApplicationDto,
): Promise<ApplicationDto> {
  return eventually(
    async () => {
      const current = (
        await call<ApplicationDto>(world, 'GET', `/applications/${application.id}`, { token: tokens.dst })
      ).body;
      const approval = await call<ApplicationDto>(world, 'POST', `/applications/${application.id}/approval`, {
        token: tokens.dst,
        headers: { 'if-match': `W/"${current.version}"` },
        body: { track: 'formal' },
      });
      expect(approval.status).toBe(200);
      return approval.body;
    },
    30_000,
    250,
  );
}
