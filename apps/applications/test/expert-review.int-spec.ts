import {
  CreateOrganization,
  DeclareConflict,
  DrawExperts,
  GetApplication,
  GetReview,
  RegisterExpert,
  ScoreApplication,
  TransitionApplication,
} from '@tic/contracts';
import type { RpcFailure } from '@tic/platform';
import { refusal } from '@tic/testing';

import { DEMO_EXPERTS, DEMO_UNITS } from '../src/seed/demo-units';
import { seededShuffle } from '../src/reviews/seeded-shuffle';
import { CALLERS, CO_BUILDER_ID, expertCaller, runningService, SUPPORTING_UNIT_ID } from './harness';
import { applicationAt, expertNumber, scoreAll, TO_EXPERT_REVIEW } from './journey';

describe('A13(三) expert review: a reproducible draw with 回避, recusal, scores (real Postgres, NATS)', () => {
  const service = runningService('review');

  it('never draws an expert of the supporting, construction or a co-building unit, and the recorded seed reproduces the draw', async () => {
    const application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    const review = await service.rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 3, reserves: 2 },
      { caller: CALLERS.dst },
    );
    const insiders = new Set([SUPPORTING_UNIT_ID, CO_BUILDER_ID, application.constructionUnitId]);
    expect(review.assignments).toHaveLength(5);
    expect(review.assignments.some((a) => insiders.has(a.orgId))).toBe(false);

    // The service drew 16 random bytes; shown to DST, they replay the draw over the eligible pool.
    expect(review.seed).toMatch(/^[0-9a-f]{32}$/);
    const eligible = DEMO_EXPERTS.filter((e) => !insiders.has(e.orgId))
      .map((e) => e.id)
      .sort();
    expect(review.assignments.map((a) => a.expertId)).toEqual(seededShuffle(eligible, review.seed ?? '').slice(0, 5));
    expect(DEMO_UNITS.length).toBeGreaterThan(0);
  });

  it('refuses a draw that names its own seed, by the field, and draws nothing', async () => {
    const application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    const steered = { applicationId: application.id, count: 3, reserves: 2, seed: '00112233445566778899aabbccddeeff' };
    expect(await refusal(service.rpc.request(DrawExperts, steered as never, { caller: CALLERS.dst }))).toMatchObject({
      code: 'invalid_input',
      errors: [{ path: 'seed' }],
    });
    const read = refusal(service.rpc.request(GetReview, { applicationId: application.id }, { caller: CALLERS.dst }));
    expect((await read).code).toBe('not_found');
  });

  it('replaces a recused expert by the first reserve; DST sees every score, the mean and the spread; an expert only their own', async () => {
    const application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    const review = await service.rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 3, reserves: 1 },
      { caller: CALLERS.dst },
    );
    const [first, second, third, reserve] = review.assignments;
    const recused = await service.rpc.request(
      DeclareConflict,
      { applicationId: application.id, reason: '曾与依托单位合作课题' },
      { caller: expertCaller(expertNumber(first!.expertId)) },
    );
    expect(recused.assignments.map((a) => a.status)).toEqual(['recused']);
    const afterRecusal = await service.rpc.request(
      GetReview,
      { applicationId: application.id },
      { caller: CALLERS.dst },
    );
    expect(afterRecusal.assignments.find((a) => a.expertId === reserve!.expertId)).toMatchObject({
      role: 'reviewer',
      status: 'assigned',
    });

    for (const [assignment, score] of [
      [second!, 80],
      [third!, 90],
      [reserve!, 70],
    ] as const) {
      await service.rpc.request(
        ScoreApplication,
        { applicationId: application.id, score, opinion: '意见：基础较好，建议加强成果转化。' },
        { caller: expertCaller(expertNumber(assignment.expertId)) },
      );
    }
    const summary = (await service.rpc.request(GetReview, { applicationId: application.id }, { caller: CALLERS.dst }))
      .summary;
    expect(summary).toEqual({ scores: [80, 90, 70], mean: 80, spread: 8.16, min: 70, max: 90 });
    const own = await service.rpc.request(
      GetReview,
      { applicationId: application.id },
      { caller: expertCaller(expertNumber(second!.expertId)) },
    );
    expect(own.assignments.map((a) => a.expertId)).toEqual([second!.expertId]);
    expect(own.summary.scores).toEqual([]);

    const twice = await service.rpc
      .request(
        ScoreApplication,
        { applicationId: application.id, score: 99, opinion: '再次评分尝试，应被拒绝。' },
        { caller: expertCaller(expertNumber(second!.expertId)) },
      )
      .catch((e: unknown) => e as RpcFailure);
    expect((twice as RpcFailure).error.code).toBe('conflict');
  });

  it('starts a fresh round after DST returns the application: the old scores are archived and no longer count', async () => {
    let application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    await scoreAll(service.rpc, application.id);
    application = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
    application = await service.rpc.request(
      TransitionApplication,
      { id: application.id, action: 'return', version: application.version, comment: '请补充中试基地材料' },
      { caller: CALLERS.dst },
    );
    for (const [action, caller] of [
      ['submit', CALLERS.construction],
      ['pass_supporting_review', CALLERS.supporting],
      ['recommend', CALLERS.recommender],
      ['pass_formal_review', CALLERS.dst],
    ] as const) {
      application = await service.rpc.request(
        TransitionApplication,
        { id: application.id, action, version: application.version },
        { caller },
      );
    }
    const early = await service.rpc
      .request(
        TransitionApplication,
        { id: application.id, action: 'shortlist', version: application.version },
        { caller: CALLERS.dst },
      )
      .catch((e: unknown) => e as RpcFailure);
    expect((early as RpcFailure).error).toMatchObject({ code: 'rule_violation', rule: 'A13-expert-review' });
    const redraw = await service.rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 3, reserves: 0 },
      { caller: CALLERS.dst },
    );
    expect(redraw.assignments.every((a) => a.status === 'assigned')).toBe(true);
  });

  it('A13(三): shortlisting waits for every drawn expert who has not recused, or the reserve in their place', async () => {
    const application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    const review = await service.rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 4, reserves: 1 },
      { caller: CALLERS.dst },
    );
    const [first, second, third, fourth, reserve] = review.assignments;
    const score = (expertId: string) =>
      service.rpc.request(
        ScoreApplication,
        { applicationId: application.id, score: 85, opinion: '方案可行，团队稳定。' },
        { caller: expertCaller(expertNumber(expertId)) },
      );
    const shortlist = async () => {
      const current = await service.rpc.request(GetApplication, { id: application.id }, { caller: CALLERS.dst });
      return service.rpc.request(
        TransitionApplication,
        { id: current.id, action: 'shortlist', version: current.version },
        { caller: CALLERS.dst },
      );
    };
    for (const assignment of [first!, second!, third!]) await score(assignment.expertId);
    // Three scores are enough to compare, but the fourth drawn expert has not scored.
    const waiting = await refusal(shortlist());
    expect(waiting).toMatchObject({ code: 'rule_violation', rule: 'A13-expert-review', article: '第十三条第（三）项' });
    expect(JSON.stringify(waiting)).toContain('1 drawn expert(s) have not scored');
    await service.rpc.request(
      DeclareConflict,
      { applicationId: application.id, reason: '近三年与依托单位有合作' },
      { caller: expertCaller(expertNumber(fourth!.expertId)) },
    );
    // The reserve took the place: still one awaited.
    expect(await refusal(shortlist())).toMatchObject({ rule: 'A13-expert-review' });
    await score(reserve!.expertId);
    expect((await shortlist()).status).toBe('shortlisted');
  });

  it('回避: no expert from a unit above or below an insider organization; an unrelated unit’s expert is drawn', async () => {
    const newUnit = (name: string, parentId?: string) =>
      service.rpc.request(
        CreateOrganization,
        { name, kind: 'other', legalPerson: false, ...(parentId ? { parentId } : {}) },
        { caller: CALLERS.dst },
      );
    const lab = await newUnit('东北示范理工大学智能制造实验室', CO_BUILDER_ID);
    const outsider = await newUnit('鞍山示范检测中心');
    const register = (userId: string, name: string, orgId: string) =>
      service.rpc.request(RegisterExpert, { userId, name, orgId, fields: ['智能制造'] }, { caller: CALLERS.dst });
    const inside = await register('expert-lab', '钱实验', lab.id);
    const outside = await register('expert-outside', '孙检测', outsider.id);
    const application = await applicationAt(service.rpc, TO_EXPERT_REVIEW);
    // Ten eligible: the nine demo outsiders and the new one; the co-builder's lab expert is not counted.
    const eleven = refusal(
      service.rpc.request(
        DrawExperts,
        { applicationId: application.id, count: 6, reserves: 5 },
        { caller: CALLERS.dst },
      ),
    );
    expect(JSON.stringify(await eleven)).toContain('10 experts cover the field without a conflict; 11 are needed');
    // Every eligible expert drawn: the outsider among them, never the co-builder's lab.
    const review = await service.rpc.request(
      DrawExperts,
      { applicationId: application.id, count: 5, reserves: 5 },
      { caller: CALLERS.dst },
    );
    const drawn = review.assignments.map((a) => a.expertId);
    expect(drawn).toContain(outside.id);
    expect(drawn).not.toContain(inside.id);
    expect(review.assignments.some((a) => a.orgId === lab.id || a.orgId === CO_BUILDER_ID)).toBe(false);
  });
});
