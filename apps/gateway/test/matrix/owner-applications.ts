import type { ApplicationDto, ReviewDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_EXPERTS } from '../../../applications/dist/seed/demo-units';
import { call, type PlatformWorld } from '../platform/platform-world';
import {
  approveOnceNoticeEnds,
  confirmCoBuilders,
  draft,
  publishNotice,
  shortlisted,
  step,
  today,
  type Tokens,
} from '../platform/journey';
import { succeeded } from './probe';

/** The owner unit's applications at every stage a route acts on, and the expert who reviews two of them. */
export async function ownerApplications(world: PlatformWorld, tokens: Tokens) {
  let filed = await shortlisted(world, tokens);
  const notice = await publishNotice(world, tokens, [filed.id], addDays(today(), -10));
  filed = await approveOnceNoticeEnds(world, tokens, filed);
  filed = await step(world, tokens.dst, filed, 'file');
  const centerId = filed.centerId ?? '';

  const noticed = await shortlisted(world, tokens);
  const openNotice = await publishNotice(world, tokens, [noticed.id], today());
  const objection = await succeeded<{ id: string }>(
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
  // Another field than the filed center's: its name is taken (A37).
  const approvable = await shortlisted(world, tokens, { zh: '海洋工程装备', en: 'Marine Engineering Equipment' });
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
  const drawn = await succeeded<ReviewDto>(
    call(world, 'POST', `/applications/${formal.id}/review/draw`, {
      token: tokens.dst,
      body: { count: 5, reserves: 2 },
    }),
  );
  // The owner expert reviewed both the filed application and this one (five of nine each time), so it sees each.
  const filedReview = await succeeded<ReviewDto>(
    call(world, 'GET', `/applications/${filed.id}/review`, { token: tokens.dst }),
  );
  const reviewerId = drawn.assignments.find(
    (a) =>
      a.role === 'reviewer' && filedReview.assignments.some((f) => f.role === 'reviewer' && f.expertId === a.expertId),
  )?.expertId;
  const reviewerUserId = DEMO_EXPERTS.find((e) => e.id === reviewerId)?.userId ?? '';
  const reviewed = await succeeded<ApplicationDto>(
    call(world, 'GET', `/applications/${formal.id}`, { token: tokens.dst }),
  );

  return {
    reviewerUserId,
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
      noticed: await succeeded<ApplicationDto>(
        call(world, 'GET', `/applications/${noticed.id}`, { token: tokens.dst }),
      ),
      openNoticeId: openNotice.id,
      objectionId: objection.id,
      approvable: await succeeded<ApplicationDto>(
        call(world, 'GET', `/applications/${approvable.id}`, { token: tokens.dst }),
      ),
      waivable: await toFormalReview(world, tokens, { areaM2: 500 }),
      submittedEventId: await submittedEvent(world, filed.id),
      centerId,
    },
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
    application = await succeeded<ApplicationDto>(
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
