import { randomUUID } from 'node:crypto';

import { createEvent, EvaluationGraded, type RectificationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, publishEvents } from '@tic/testing';

import { DEMO_EXPERTS } from '../../../applications/dist/seed/demo-units';
import { call, type PlatformWorld } from '../platform/platform-world';
import { approveOnceNoticeEnds, publishNotice, shortlisted, today, type Tokens } from '../platform/journey';
import { succeeded } from './probe';

/** The owner's rectifications (A30), one per center, each at the step a route takes it on from. */
export interface RectificationIds {
  /** Rectifying: the construction unit writes the request, then requests acceptance. */
  readonly toWrite: string;
  /** Before the supporting unit, then before the recommender. */
  readonly toPass: string;
  readonly toConsent: string;
  /** Before DST's experts, none drawn yet. */
  readonly toDraw: string;
  /** Every eligible expert drawn (the owner expert among them), all but the owner expert scored. */
  readonly toDecide: string;
}

const STEPS = ['toWrite', 'toPass', 'toConsent', 'toDraw', 'toDecide'] as const;
// Fields the demo expert pool covers, named apart from the matrix's other centers (A37).
const field = (i: number) => ({
  zh: `智能制造整改矩阵${'甲乙丙丁戊'[i] ?? ''}`,
  en: `Intelligent Manufacturing Rectification Matrix ${i}`,
});

/**
 * Five more centers of the owner unit, each graded basic pass. The rounds are built apart: the grade is
 * published as the evaluations service would emit it (as its NATS user).
 */
export async function ownerRectification(
  world: PlatformWorld,
  tokens: Tokens,
  ownerExpertUserId: string,
): Promise<RectificationIds> {
  const applications = [];
  for (let i = 0; i < STEPS.length; i += 1) applications.push(await shortlisted(world, tokens, field(i)));
  await publishNotice(
    world,
    tokens,
    applications.map((a) => a.id),
    addDays(today(), -10),
  );
  const centers: string[] = [];
  for (const application of applications)
    centers.push((await approveOnceNoticeEnds(world, tokens, application)).centerId ?? '');
  await publishEvents(
    world.nats,
    centers.map((centerId) =>
      createEvent(EvaluationGraded, {
        id: randomUUID(),
        subject: randomUUID(),
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: {
          evaluationId: randomUUID(),
          roundId: randomUUID(),
          centerId,
          score: 62,
          grade: 'basic_pass',
          gradedOn: today(),
        },
      }),
    ),
    'evaluations',
  );
  const rectifications = await Promise.all(centers.map((centerId) => rectifying(world, tokens, centerId)));
  const step = (token: string, r: RectificationDto, path: string, body: unknown, method = 'POST') =>
    succeeded<RectificationDto>(
      call(world, method, `/rectifications/${r.id}${path}`, {
        token,
        headers: { 'if-match': `W/"${r.version}"` },
        body,
      }),
    );
  const request = {
    rectified: '完善研发投入统计和成果转化制度。',
    evidence: [{ ref: 'docs/rectification/matrix.pdf', description: '整改报告' }],
  };
  const advanced: RectificationDto[] = [];
  for (const [i, start] of rectifications.entries()) {
    let r = start;
    if (i >= 1) {
      r = await step(tokens.construction, r, '/request', request, 'PUT');
      r = await step(tokens.construction, r, '/transitions', { action: 'request_acceptance' });
    }
    if (i >= 2) r = await step(tokens.supporting, r, '/transitions', { action: 'pass' });
    if (i >= 3) r = await step(tokens.recommender, r, '/transitions', { action: 'pass' });
    advanced.push(r);
  }
  const decide = advanced[4] as RectificationDto;
  // 回避 keeps the co-builder's expert out; every other demo expert is drawn, so the owner expert is too.
  const eligible = DEMO_EXPERTS.filter((e) => e.orgId !== DEMO_EXPERTS.find((x) => x.name === '赵明')?.orgId).length;
  const drawn = await step(tokens.dst, decide, '/experts', { count: eligible });
  for (const expert of drawn.draw?.experts ?? []) {
    const userId = DEMO_EXPERTS.find((e) => e.id === expert.expertId)?.userId ?? '';
    if (userId === ownerExpertUserId) continue;
    await succeeded(
      call(world, 'POST', `/rectifications/${decide.id}/scores`, {
        token: await tokens.expert(userId),
        body: { score: 75, opinion: '整改措施基本到位' },
      }),
    );
  }
  return Object.fromEntries(STEPS.map((name, i) => [name, advanced[i]?.id ?? ''])) as unknown as RectificationIds;
}

/** The center's rectification once the center is under rectification in both services. */
function rectifying(world: PlatformWorld, tokens: Tokens, centerId: string): Promise<RectificationDto> {
  return eventually(
    async () => {
      const center = await call<{ status: string }>(world, 'GET', `/centers/${centerId}`, { token: tokens.dst });
      expect(center.body.status).toBe('rectifying');
      const page = await call<{ items: RectificationDto[] }>(world, 'GET', `/rectifications?centerId=${centerId}`, {
        token: tokens.dst,
      });
      expect(page.body.items).toHaveLength(1);
      return page.body.items[0] as RectificationDto;
    },
    60_000,
    250,
  );
}
