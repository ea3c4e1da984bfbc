import type { INestApplication } from '@nestjs/common';

import {
  ApproveApplication,
  CreateApplication,
  DrawExperts,
  GetApplication,
  GetCenter,
  ListApplications,
  OpenCall,
  PublishNotice,
  RecordWaiver,
  ScoreApplication,
  TransitionApplication,
  type ApplicationDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { type RpcFailure, type RpcClient } from '@tic/platform';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_EXPERTS } from '../src/seed/demo-units';
import {
  CALLERS,
  eligibleForm,
  expertCaller,
  rpcClient,
  startInfrastructure,
  startService,
  type Infrastructure,
} from './harness';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('one application from draft to a filed center (applications service on real Postgres, NATS, Redis)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  let application: ApplicationDto;

  const step = async (
    caller: (typeof CALLERS)[keyof typeof CALLERS],
    action: 'submit' | 'pass_supporting_review' | 'recommend' | 'pass_formal_review' | 'shortlist' | 'file' | 'return',
    comment?: string,
  ) => {
    application = await rpc.request(
      TransitionApplication,
      { id: application.id, action, version: application.version, ...(comment ? { comment } : {}) },
      { caller },
    );
    return application;
  };

  beforeAll(async () => {
    infra = await startInfrastructure('flow');
    app = await startService(infra.config);
    rpc = rpcClient(infra.nats);
  }, 90_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  it('goes through every review level of A13 and ends filed, with its events in order, each once', async () => {
    const call = await rpc.request(
      OpenCall,
      {
        year: 2027,
        title: '2027年度辽宁省技术创新中心申报',
        opensOn: addDays(today(), -1),
        closesOn: addDays(today(), 30),
      },
      { caller: CALLERS.dst },
    );
    application = await rpc.request(
      CreateApplication,
      { ...eligibleForm(), callId: call.id },
      { caller: CALLERS.construction },
    );
    expect(application).toMatchObject({
      status: 'draft',
      version: 1,
      proposedName: { zh: '辽宁省智能制造技术创新中心' },
      regionCode: '210106',
    });
    expect(application.findings.every((f) => f.passed)).toBe(true);

    await step(CALLERS.construction, 'submit');
    // DOMAIN.md §1: the committee office sees what is filed with it, not applications before approval.
    const officeRead = (id: string) =>
      rpc.request(GetApplication, { id }, { caller: CALLERS.committee }).catch((e: unknown) => e as RpcFailure);
    const officeList = () =>
      rpc.request(ListApplications, { limit: 50, callId: call.id }, { caller: CALLERS.committee });
    expect(((await officeRead(application.id)) as RpcFailure).error.code).toBe('not_found');
    expect((await officeList()).items).toEqual([]);
    // The supporting unit sends it back once, with comments, and the construction unit resubmits.
    await step(CALLERS.supporting, 'return', '请补充共建协议');
    expect(application.status).toBe('draft');
    await step(CALLERS.construction, 'submit');
    await step(CALLERS.supporting, 'pass_supporting_review');
    await step(CALLERS.recommender, 'recommend');
    await step(CALLERS.dst, 'pass_formal_review');
    expect(application.status).toBe('expert_review');

    const review = await rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 5, reserves: 2 },
      { caller: CALLERS.dst },
    );
    const reviewers = review.assignments.filter((a) => a.role === 'reviewer');
    expect(reviewers).toHaveLength(5);
    for (const assignment of reviewers) {
      const n = Number(/expert-(\d+)/.exec(expertUserId(assignment.expertId))?.[1]);
      await rpc.request(
        ScoreApplication,
        { applicationId: application.id, score: 80 + n, opinion: '研发基础扎实，建设方案可行。' },
        { caller: expertCaller(n) },
      );
    }
    application = await rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    await step(CALLERS.dst, 'shortlist');

    // A notice put up on DST's website ten days ago has already run its five working days.
    const notice = await rpc.request(
      PublishNotice,
      { title: '拟建辽宁省技术创新中心名单公示', applicationIds: [application.id], startsOn: addDays(today(), -10) },
      { caller: CALLERS.dst },
    );
    expect(notice.endsOn < today()).toBe(true);
    application = await rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    expect(application.status).toBe('public_notice');

    // Its D-public-notice deadline fires (BullMQ or the sweep) and the notice ends; approval follows.
    await eventually(
      async () => {
        application = await rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
        application = await rpc.request(
          ApproveApplication,
          { id: application.id, version: application.version, track: 'formal' },
          { caller: CALLERS.dst },
        );
      },
      20_000,
      200,
    );
    expect(application).toMatchObject({ status: 'approved', track: 'formal' });
    expect(await officeRead(application.id)).toMatchObject({ id: application.id, status: 'approved' });
    expect((await officeList()).items.map((a) => a.id)).toEqual([application.id]);
    const center = await rpc.request(GetCenter, { id: application.centerId! }, { caller: CALLERS.dst });
    expect(center).toMatchObject({
      name: {
        zh: '辽宁省智能制造技术创新中心',
        en: 'Liaoning Technology Innovation Center for Intelligent Manufacturing',
      },
      status: 'operating',
    });

    await step(CALLERS.dst, 'file');
    expect(application.status).toBe('filed');
    expect(application.history.map((h) => h.action)).toEqual([
      'submit',
      'return',
      'submit',
      'pass_supporting_review',
      'recommend',
      'pass_formal_review',
      'shortlist',
      'start_public_notice',
      'approve',
      'file',
    ]);
    // A13: each step says who acted, in which role, from and to, with the comment and the article.
    expect(application.history[1]).toMatchObject({
      actorName: CALLERS.supporting.name,
      role: 'supporting_unit',
      from: 'supporting_review',
      to: 'draft',
      comment: '请补充共建协议',
      article: expect.stringMatching(/\S/),
    });

    const events = await eventually(async () => {
      const all = await readAllEvents(infra.nats);
      const mine = all.filter((e) => e.subject === application.id);
      expect(mine.map((e) => e.type)).toEqual([
        'tic.application.submitted',
        'tic.application.returned',
        'tic.application.submitted',
        'tic.application.supporting_review_passed',
        'tic.application.recommended',
        'tic.application.formal_review_passed',
        'tic.application.shortlisted',
        'tic.application.approved',
      ]);
      // Filing publishes the center's event, not the application's: wait for it too.
      expect(all.filter((e) => e.subject === center.id).map((e) => e.type)).toEqual([
        'tic.center.established',
        'tic.center.filed',
      ]);
      return all;
    });
    const versions = events.filter((e) => e.subject === application.id).map((e) => e.aggregateversion);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.filter((e) => e.subject === center.id).map((e) => e.type)).toEqual([
      'tic.center.established',
      'tic.center.filed',
    ]);
    expect(events.some((e) => e.type === 'tic.public_notice.started' && e.subject === notice.id)).toBe(true);
  }, 120_000);

  it('refuses a stale version with 409 stale_version and a hard A12 condition with its article', async () => {
    const call = await rpc.request(
      OpenCall,
      { year: 2027, title: '补充申报', opensOn: addDays(today(), -1), closesOn: addDays(today(), 10) },
      { caller: CALLERS.dst },
    );
    const draft = await rpc.request(
      CreateApplication,
      { ...eligibleForm(), callId: call.id, technicalLeaders: 0 },
      { caller: CALLERS.construction },
    );
    const stale = await rpc
      .request(
        TransitionApplication,
        { id: draft.id, action: 'submit', version: draft.version + 1 },
        { caller: CALLERS.construction },
      )
      .catch((e: unknown) => e);
    expect((stale as RpcFailure).error.code).toBe('stale_version');
    const refused = await rpc
      .request(
        TransitionApplication,
        { id: draft.id, action: 'submit', version: draft.version },
        { caller: CALLERS.construction },
      )
      .catch((e: unknown) => e);
    expect((refused as RpcFailure).error).toMatchObject({
      code: 'rule_violation',
      rule: 'A12.4-staff',
      article: '第十二条第（四）项',
    });
  });

  it('keeps each unit to its own applications and refuses a waiver of a hard rule', async () => {
    const list = await rpc.request(ListApplications, { limit: 50 }, { caller: CALLERS.otherRecommender });
    expect(list.items).toEqual([]);
    const mine = await rpc.request(ListApplications, { limit: 50 }, { caller: CALLERS.construction });
    expect(mine.items.length).toBeGreaterThan(0);
    const hidden = await rpc
      .request(GetApplication, { id: mine.items[0]!.id }, { caller: CALLERS.otherConstruction })
      .catch((e: unknown) => e);
    expect((hidden as RpcFailure).error.code).toBe('not_found');
    const waiver = await rpc
      .request(
        RecordWaiver,
        { id: mine.items[0]!.id, rule: 'A12.1-province', reason: '特殊情况说明', version: mine.items[0]!.version },
        { caller: CALLERS.dst },
      )
      .catch((e: unknown) => e);
    expect((waiver as RpcFailure).error).toMatchObject({ code: 'rule_violation', rule: 'A12.1-province' });
  });

  function expertUserId(expertId: string): string {
    return DEMO_EXPERTS.find((e) => e.id === expertId)!.userId;
  }
});
