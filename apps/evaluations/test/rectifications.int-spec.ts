import type { INestMicroservice } from '@nestjs/common';
import { v4 as uuidv4 } from 'uuid';

import {
  CenterStatusChanged,
  createEvent,
  DecideRectification,
  DrawAcceptanceExperts,
  EvaluationGraded,
  GetRectification,
  ListRectifications,
  type RectificationDto,
  ScoreRectification,
  TransitionRectification,
  WriteRectificationRequest,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { Deadlines } from '@tic/deadlines';
import type { Caller } from '@tic/platform';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { DrawRequests, startApplicationsStandIn } from './applications-stand-in';
import { CALLERS, ORGS, refusal, runningEvaluations } from './harness';

const EXPERTS = [
  { expertId: uuidv4(), userId: CALLERS.expert.userId, name: '张教授', orgId: ORGS.expertOrg },
  { expertId: uuidv4(), userId: 'ex-2', name: '李研究员', orgId: ORGS.expertOrg },
  { expertId: uuidv4(), userId: 'ex-3', name: '王高工', orgId: ORGS.expertOrg },
];
const expert = (userId: string): Caller => ({ ...CALLERS.expert, userId });
/** The reply names no drawn expert, by id or name, nor any score or opinion they gave; then the reply. */
const hidesExperts = (seen: RectificationDto): RectificationDto => {
  const json = JSON.stringify(seen);
  for (const e of EXPERTS) {
    expect(json).not.toContain(e.expertId);
    expect(json).not.toContain(e.name);
  }
  expect(json).not.toContain('整改措施基本到位');
  expect(seen.draw).not.toHaveProperty('experts');
  return seen;
};
const envelope = (subject: string, aggregateVersion = 1) => ({
  id: uuidv4(),
  subject,
  time: new Date().toISOString(),
  aggregateVersion,
});

describe('A30: rectification after a basic pass, and its acceptance (real Postgres, NATS, Redis)', () => {
  const service = runningEvaluations('rectifications');
  const draws = new DrawRequests(EXPERTS);
  let standIn: INestMicroservice | undefined;

  beforeAll(async () => {
    standIn = await startApplicationsStandIn(service.nats, draws);
  });
  afterAll(async () => {
    await standIn?.close();
  });

  const grade = (centerId: string, evaluationId: string, g: 'basic_pass' | 'good', gradedOn: string) =>
    createEvent(EvaluationGraded, {
      ...envelope(evaluationId),
      data: { evaluationId, roundId: uuidv4(), centerId, score: g === 'good' ? 78 : 63, grade: g, gradedOn },
    });
  const rectificationsOf = async (centerId: string) =>
    (await service.call(ListRectifications, { centerId, limit: 50 }, CALLERS.dst)).items;
  // The applications service moves the center and announces it; the directory follows (center-directory).
  const rectifying = (centerId: string) =>
    publishEvents(service.nats, [
      createEvent(CenterStatusChanged, {
        ...envelope(centerId, 2),
        data: {
          centerId,
          name: { zh: '中心', en: 'Center' },
          from: 'operating',
          to: 'rectifying',
          action: 'start_rectification',
          article: '第三十条',
          actor: { userId: 'system', name: '平台', role: 'system' },
          changedOn: service.clock.today(),
        },
      }),
    ]);
  const started = async (gradedOn: string): Promise<RectificationDto> => {
    const centerId = await service.newCenter();
    await publishEvents(service.nats, [grade(centerId, uuidv4(), 'basic_pass', gradedOn)], 'evaluations');
    const [row] = await eventually(async () => {
      const rows = await rectificationsOf(centerId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    await rectifying(centerId);
    await eventually(async () => {
      const [dir] = await service.sql('select status from evaluations.center_directory where id = ?', [centerId]);
      expect(dir).toMatchObject({ status: 'rectifying' });
    });
    return service.call(GetRectification, { id: row?.id ?? '' }, CALLERS.dst);
  };
  const act = (
    r: RectificationDto,
    action: 'request_acceptance' | 'pass' | 'return',
    caller: Caller,
    comment?: string,
  ) =>
    service.call(
      TransitionRectification,
      { id: r.id, version: r.version, action, ...(comment === undefined ? {} : { comment }) },
      caller,
    );
  const write = (r: RectificationDto, caller: Caller) =>
    service.call(
      WriteRectificationRequest,
      {
        id: r.id,
        version: r.version,
        rectified: '完善了研发投入统计和成果转化制度，补充了管理委员会会议记录',
        evidence: [{ ref: 'docs/rectification/report.pdf', description: '整改报告' }],
      },
      caller,
    );
  const unchanged = async (r: RectificationDto) => {
    expect(await service.call(GetRectification, { id: r.id }, CALLERS.dst)).toMatchObject({
      version: r.version,
      status: r.status,
    });
  };

  // D-rectification as the deadline table holds it, by the rectification's own deadline_id.
  const deadlineState = async (r: RectificationDto) => {
    const [row] = await service.sql(
      'select d.state from evaluations.deadline d join evaluations.rectification r on r.deadline_id = d.id where r.id = ?',
      [r.id],
    );
    return (row as { state: string } | undefined)?.state;
  };

  it('A30: a basic pass starts one rectification with D-rectification a year on; another grade starts none', async () => {
    const gradedOn = service.clock.today();
    const centerId = await service.newCenter();
    const evaluationId = uuidv4();
    const good = await service.newCenter();
    // The second grade of the same evaluation stands for a redelivery under a new event id.
    await publishEvents(
      service.nats,
      [
        grade(centerId, evaluationId, 'basic_pass', gradedOn),
        grade(centerId, evaluationId, 'basic_pass', gradedOn),
        grade(good, uuidv4(), 'good', gradedOn),
      ],
      'evaluations',
    );
    const [row] = await eventually(async () => {
      const rows = await rectificationsOf(centerId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(row).toMatchObject({
      status: 'rectifying',
      evaluationId,
      startedOn: gradedOn,
      deadline: { state: 'pending' },
    });
    expect(row?.deadline.dueOn.slice(0, 4)).toBe(String(Number(gradedOn.slice(0, 4)) + 1));
    const events = await eventually(async () => {
      const all = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.rectification.started');
      expect(all.filter((e) => (e.data as { centerId: string }).centerId === centerId)).toHaveLength(1);
      return all;
    });
    expect(events.find((e) => (e.data as { centerId: string }).centerId === centerId)?.data).toMatchObject({
      rectificationId: row?.id,
      evaluationId,
      startedOn: gradedOn,
      dueOn: row?.deadline.dueOn,
    });
    expect(await rectificationsOf(good)).toEqual([]);
  });

  it('A30: D-rectification reminds 30, 7 and 1 days before, and tells DST when the year passed without a request', async () => {
    const r = await started(service.clock.today());
    const sweepOn = async (day: string) => {
      service.clock.set(day);
      await service.app.get(Deadlines).sweep();
    };
    await sweepOn(addDays(r.deadline.dueOn, -30));
    await sweepOn(addDays(r.deadline.dueOn, -7));
    await sweepOn(addDays(r.deadline.dueOn, -1));
    await sweepOn(addDays(r.deadline.dueOn, 1));
    const mine = await eventually(async () => {
      const found = (await readAllEvents(service.nats)).filter(
        (e) => (e.data as { subjectId?: string }).subjectId === r.id,
      );
      expect(found.map((e) => e.type)).toEqual(
        expect.arrayContaining(['tic.deadline.reminder', 'tic.deadline.reminder', 'tic.deadline.overdue']),
      );
      return found;
    });
    expect(
      mine.filter((e) => e.type === 'tic.deadline.reminder').map((e) => (e.data as { daysBefore: number }).daysBefore),
    ).toEqual(expect.arrayContaining([30, 7, 1]));
    expect(await service.call(GetRectification, { id: r.id }, CALLERS.dst)).toMatchObject({
      deadline: { state: 'fired' },
    });
    service.clock.set(new Date());
  });

  it('A30: the request goes construction unit → supporting unit → recommender, each may return it with comments; foreign units see nothing', async () => {
    let r = await started(service.clock.today());
    // Nobody else writes it, and a unit of another center does not even see it.
    expect(await refusal(write(r, CALLERS.supporting))).toMatchObject({
      code: 'forbidden',
      reason: 'rectification.written_by_construction_unit',
      article: '第三十条',
    });
    expect(await refusal(write(r, CALLERS.otherConstruction))).toMatchObject({
      code: 'not_found',
      reason: 'rectification.not_found',
    });
    expect(await refusal(service.call(GetRectification, { id: r.id }, CALLERS.otherSupporting))).toMatchObject({
      code: 'not_found',
    });
    expect(await service.call(ListRectifications, { limit: 50 }, CALLERS.otherRecommender)).toMatchObject({
      items: [],
    });
    await unchanged(r);
    expect(await refusal(act(r, 'request_acceptance', CALLERS.construction))).toMatchObject({
      code: 'rule_violation',
      reason: 'rectification.request_incomplete',
    });

    r = await write(r, CALLERS.construction);
    expect(r.evidence).toHaveLength(1);
    expect(await refusal(act(r, 'request_acceptance', CALLERS.supporting))).toMatchObject({ code: 'forbidden' });
    r = await act(r, 'request_acceptance', CALLERS.construction);
    // The request may still come back: D-rectification runs on until the request reaches DST.
    expect(r).toMatchObject({ status: 'supporting_review', deadline: { state: 'pending' } });
    expect(await refusal(act({ ...r, version: r.version - 1 }, 'pass', CALLERS.supporting))).toMatchObject({
      code: 'stale_version',
    });
    expect(await refusal(act(r, 'pass', CALLERS.recommender))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(act(r, 'return', CALLERS.supporting))).toMatchObject({
      code: 'rule_violation',
      rule: 'A30-acceptance',
      article: '第三十条',
    });
    await unchanged(r);
    r = await act(r, 'return', CALLERS.supporting, '证明材料不全，请补充研发投入审计报告');
    expect(r.status).toBe('rectifying');
    // Returned and not yet filed again: the deadline still reminds, and will fire if the year passes.
    expect(await deadlineState(r)).toBe('pending');
    r = await act(r, 'request_acceptance', CALLERS.construction);
    r = await act(r, 'pass', CALLERS.supporting);
    expect(r.status).toBe('recommender_review');
    expect(await deadlineState(r)).toBe('pending');
    expect(await refusal(act(r, 'pass', CALLERS.otherRecommender))).toMatchObject({ code: 'not_found' });
    await unchanged(r);
    r = await act(r, 'pass', CALLERS.recommender);
    expect(r).toMatchObject({ status: 'expert_acceptance', deadline: { state: 'completed' } });
    expect(await deadlineState(r)).toBe('completed');
    expect(r.history.map((h) => h.action)).toEqual([
      'start',
      'write',
      'request_acceptance',
      'return',
      'request_acceptance',
      'pass',
      'pass',
    ]);
    expect(r.history.find((h) => h.action === 'return')).toMatchObject({
      role: 'supporting_unit',
      comment: '证明材料不全，请补充研发投入审计报告',
    });
  });

  it('A30: DST draws the experts, only they score, DST decides with reasons; tic.rectification.accepted says whether it passed', async () => {
    const beforeExperts = async () => {
      let r = await started(service.clock.today());
      r = await write(r, CALLERS.construction);
      r = await act(r, 'request_acceptance', CALLERS.construction);
      r = await act(r, 'pass', CALLERS.supporting);
      r = await act(r, 'pass', CALLERS.recommender);
      return r;
    };
    let r = await beforeExperts();
    const asked = draws.asked.length;
    expect(
      await refusal(
        service.call(DrawAcceptanceExperts, { id: r.id, version: r.version, count: 3 }, CALLERS.recommender),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'rectification.experts_drawn_by_dst' });
    expect(draws.asked).toHaveLength(asked);
    r = await service.call(DrawAcceptanceExperts, { id: r.id, version: r.version, count: 3 }, CALLERS.dst);
    // The applications service was asked as DST, by the evaluations service.
    expect(draws.asked.at(-1)).toMatchObject({
      caller: { role: 'dst_admin', orgId: ORGS.dst },
      input: { centerId: r.centerId, rectificationId: r.id, count: 3 },
    });
    expect(r.draw).toMatchObject({
      seed: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      expertCount: 3,
      experts: EXPERTS.map((e) => ({ name: e.name })),
    });
    // The units and the recommender learn that 3 experts were drawn, not who (not even from the history).
    for (const unit of [CALLERS.construction, CALLERS.supporting, CALLERS.recommender]) {
      expect(hidesExperts(await service.call(GetRectification, { id: r.id }, unit))).toMatchObject({
        draw: { seed: null, drawnOn: r.draw?.drawnOn, expertCount: 3 },
      });
    }
    expect(
      await refusal(service.call(DrawAcceptanceExperts, { id: r.id, version: r.version, count: 3 }, CALLERS.dst)),
    ).toMatchObject({ code: 'conflict', reason: 'rectification.already_drawn' });

    const score = (caller: Caller, value: number) =>
      service.call(ScoreRectification, { id: r.id, score: value, opinion: '整改措施基本到位' }, caller);
    // An expert not drawn for it does not see it; DST does not score.
    expect(await refusal(score(expert('ex-9'), 80))).toMatchObject({ code: 'not_found' });
    expect(await refusal(score(CALLERS.dst, 80))).toMatchObject({ code: 'forbidden' });
    const seenByExpert = await score(CALLERS.expert, 82);
    expect(seenByExpert.draw?.seed).toBeNull();
    expect(await refusal(score(CALLERS.expert, 90))).toMatchObject({ reason: 'rectification.already_scored' });
    r = await service.call(GetRectification, { id: r.id }, CALLERS.dst);
    expect(
      await refusal(
        service.call(
          DecideRectification,
          { id: r.id, version: r.version, passed: true, reason: '整改到位' },
          CALLERS.dst,
        ),
      ),
    ).toMatchObject({ code: 'rule_violation', reason: 'rectification.scores_missing' });
    // An expert sees only their own entry, not the others' (nor their scores before scoring).
    const seenByEx2 = await service.call(GetRectification, { id: r.id }, expert('ex-2'));
    expect(seenByEx2.draw).toMatchObject({
      expertCount: 3,
      experts: [{ expertId: EXPERTS[1]?.expertId, score: null }],
    });
    expect(seenByEx2.draw?.experts).toHaveLength(1);
    expect(JSON.stringify(seenByEx2)).not.toContain(EXPERTS[0]?.expertId);
    expect(JSON.stringify(seenByEx2)).not.toContain(EXPERTS[0]?.name);
    expect(JSON.stringify(seenByEx2)).not.toContain('整改措施基本到位');
    expect(seenByEx2.decision).toBeNull();
    await score(expert('ex-2'), 76);
    await score(expert('ex-3'), 71);
    expect(seenByExpert.draw?.experts).toEqual([
      expect.objectContaining({ expertId: EXPERTS[0]?.expertId, name: '张教授', score: 82 }),
    ]);
    r = await service.call(GetRectification, { id: r.id }, CALLERS.dst);
    // DST sees every drawn expert and score.
    expect(r.draw?.experts?.map((e) => [e.name, e.score])).toEqual([
      ['张教授', 82],
      ['李研究员', 76],
      ['王高工', 71],
    ]);
    expect(
      await refusal(
        service.call(
          DecideRectification,
          { id: r.id, version: r.version, passed: true, reason: '整改到位' },
          CALLERS.supporting,
        ),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'rectification.decided_by_dst' });
    await unchanged(r);
    r = await service.call(
      DecideRectification,
      { id: r.id, version: r.version, passed: true, reason: '专家一致认为整改到位' },
      CALLERS.dst,
    );
    expect(r).toMatchObject({
      status: 'passed',
      decision: { passed: true, reason: '专家一致认为整改到位', expertScores: [82, 76, 71] },
    });
    // After the scoring and the decision, the units and the recommender still see no expert nor score.
    for (const unit of [CALLERS.construction, CALLERS.supporting, CALLERS.recommender]) {
      const seen = hidesExperts(await service.call(GetRectification, { id: r.id }, unit));
      expect(seen).toMatchObject({
        decision: { passed: true, reason: '专家一致认为整改到位', decidedOn: r.decision?.decidedOn },
      });
      expect(seen.decision).not.toHaveProperty('expertScores');
      const [listed] = (await service.call(ListRectifications, { centerId: r.centerId, limit: 5 }, unit)).items;
      expect(listed?.decision).toEqual({
        passed: true,
        reason: '专家一致认为整改到位',
        decidedOn: r.decision?.decidedOn,
      });
    }

    let failed = await beforeExperts();
    failed = await service.call(
      DrawAcceptanceExperts,
      { id: failed.id, version: failed.version, count: 3 },
      CALLERS.dst,
    );
    for (const e of EXPERTS) {
      await service.call(ScoreRectification, { id: failed.id, score: 52, opinion: '整改不到位' }, expert(e.userId));
    }
    failed = await service.call(GetRectification, { id: failed.id }, CALLERS.dst);
    failed = await service.call(
      DecideRectification,
      { id: failed.id, version: failed.version, passed: false, reason: '研发投入未达承诺' },
      CALLERS.dst,
    );
    expect(failed.status).toBe('failed');
    await eventually(async () => {
      const accepted = (await readAllEvents(service.nats)).filter((e) => e.type === 'tic.rectification.accepted');
      expect(accepted.map((e) => e.data)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rectificationId: r.id, centerId: r.centerId, passed: true }),
          expect.objectContaining({ rectificationId: failed.id, centerId: failed.centerId, passed: false }),
        ]),
      );
    });
  });
});
