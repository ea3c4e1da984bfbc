import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication, INestMicroservice } from '@nestjs/common';

import {
  ApproveApplication,
  CreateChange,
  GetApplication,
  GetCenter,
  GetChange,
  ListChanges,
  PublishNotice,
  TransitionApplication,
  TransitionChange,
  UpdateChange,
  type CenterDto,
  type ChangeDto,
  type RpcRequest,
} from '@tic/contracts';
import { addDays, type CenterField } from '@tic/domain';
import { Deadline, Deadlines, ManualClock } from '@tic/deadlines';
import { bootstrapService, type Caller, type RpcClient } from '@tic/platform';
import { eventually, readAllEvents, refusal } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { CALLERS, CO_BUILDER_ID, rpcClient, startInfrastructure, type Infrastructure } from './harness';
import { applicationAt, today, TO_SHORTLIST } from './journey';
import { PersonnelRegistry, startPersonnelStandIn } from './personnel-stand-in';

const COMMITTEE_MET = '2026-11-10';

describe('A26: a center’s change reports, from the construction unit to DST’s filing (real Postgres, NATS, Redis)', () => {
  const clock = new ManualClock(today());
  const registry = new PersonnelRegistry();
  let infra: Infrastructure;
  let app: INestApplication;
  let personnel: INestMicroservice;
  let rpc: RpcClient;
  let center: CenterDto;
  let other: CenterDto;

  beforeAll(async () => {
    infra = await startInfrastructure('changes');
    app = await bootstrapService(AppModule.forRoot(infra.config, { clock }), 'applications', infra.config);
    personnel = await startPersonnelStandIn(infra.nats, registry);
    rpc = rpcClient(infra.nats);
    const centers = await filedCenters([
      { zh: '智能制造', en: 'Intelligent Manufacturing' },
      { zh: '海洋工程', en: 'Ocean Engineering' },
    ]);
    center = centers[0]!;
    other = centers[1]!;
    registry.meetings.set(center.id, [
      { form: 'meeting', heldOn: COMMITTEE_MET },
      { form: 'written_review', heldOn: '2026-11-18' },
    ]);
  }, 180_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await personnel?.close();
    await app?.close();
    await infra?.stop();
  });

  const as = (caller: Caller) => ({ caller });
  const read = (id: string) => rpc.request(GetChange, { id }, as(CALLERS.dst));
  const step = async (
    change: ChangeDto,
    action: RpcRequest<typeof TransitionChange>['action'],
    caller: Caller,
    extra = {},
  ) =>
    rpc.request(
      TransitionChange,
      { id: change.id, action, version: (await read(change.id)).version, ...extra },
      as(caller),
    );
  const draft = (form: Partial<RpcRequest<typeof CreateChange>> = {}) =>
    rpc.request(
      CreateChange,
      { centerId: center.id, decidedOn: addDays(clock.today(), -1), reportRef: 'docs/changes/1', ...form },
      as(CALLERS.construction),
    );
  const deadlineOf = (change: ChangeDto) =>
    app.get(EntityManager).fork().findOneOrFail(Deadline, { subjectId: change.id, kind: 'D-change-filing' });

  it('A26: only the center’s construction unit writes a report, of a real change decided already, of a free name', async () => {
    const rename = { field: { zh: '高端智能装备', en: 'High-end Intelligent Equipment' } };
    // A unit of another center does not learn the center exists; another role of the center's is told who writes.
    expect(
      await refusal(
        rpc.request(
          CreateChange,
          { centerId: center.id, decidedOn: today(), reportRef: 'r', rename },
          as(CALLERS.otherConstruction),
        ),
      ),
    ).toMatchObject({ code: 'not_found', reason: 'center.not_found' });
    expect(
      await refusal(
        rpc.request(
          CreateChange,
          { centerId: center.id, decidedOn: today(), reportRef: 'r', rename },
          as(CALLERS.supporting),
        ),
      ),
    ).toMatchObject({ code: 'forbidden', reason: 'change.written_by_construction_unit', article: '第二十六条' });
    expect(await refusal(draft({ rename, decidedOn: addDays(clock.today(), 1) }))).toMatchObject({
      code: 'invalid_input',
      reason: 'change.decided_in_future',
      errors: [{ path: 'decidedOn' }],
    });
    // A37: the other center bears that name already; the center's own name is no change.
    expect(await refusal(draft({ rename: { field: other.field } }))).toMatchObject({
      code: 'conflict',
      reason: 'center.name_taken',
      errors: [{ path: 'rename.field' }],
    });
    expect(
      await refusal(draft({ rename: { field: { zh: '辽宁智能制造', en: 'intelligent manufacturing' } } })),
    ).toMatchObject({
      code: 'invalid_input',
      reason: 'change.changes_nothing',
    });
    expect(
      await refusal(
        draft({
          reorganization: {
            supportingUnitId: center.supportingUnitId,
            coBuilderIds: ['0192f6a0-7c1e-7d2a-9b3c-00000000dead'],
          },
        }),
      ),
    ).toMatchObject({ code: 'invalid_input', errors: [{ path: 'reorganization.coBuilderIds.0' }] });
  });

  it('A26: report → supporting unit (with the committee’s review in the registry) → recommender → DST; a return goes back; the center is renamed and redirected', async () => {
    const field: CenterField = { zh: '高端智能装备', en: 'High-end Intelligent Equipment' };
    let change = await draft({ rename: { field } });
    expect(change).toMatchObject({
      status: 'draft',
      kinds: ['rename'],
      rename: { name: { zh: '辽宁省高端智能装备技术创新中心' } },
      filing: null,
      allowedActions: ['submit'],
    });
    change = await step(change, 'submit', CALLERS.construction);
    const deadline = await deadlineOf(change);
    expect(deadline).toMatchObject({ state: 'pending', startOn: change.decidedOn, centerId: center.id });
    expect(change).toMatchObject({ status: 'supporting_review', filing: { dueOn: deadline.dueOn, state: 'pending' } });

    // A26 经管理委员会论证: the supporting unit names the review; the registry must hold it.
    expect(await refusal(step(change, 'pass', CALLERS.supporting))).toMatchObject({
      code: 'invalid_input',
      reason: 'change.committee_review_required',
    });
    expect(await refusal(step(change, 'pass', CALLERS.supporting, { committeeReviewOn: '2026-11-11' }))).toMatchObject({
      code: 'rule_violation',
      rule: 'A26-committee-review',
      article: '第二十六条',
    });
    expect(registry.askedBy.at(-1)).toMatchObject({ role: 'supporting_unit', orgId: CALLERS.supporting.orgId });
    // Nobody but the report's current reviewer moves it; a unit of another center does not see it.
    expect(await refusal(step(change, 'consent', CALLERS.recommender))).toMatchObject({ code: 'conflict' });
    expect(await refusal(step(change, 'return', CALLERS.otherRecommender, { comment: '退回' }))).toMatchObject({
      code: 'not_found',
      reason: 'change.not_found',
    });
    change = await step(change, 'pass', CALLERS.supporting, { committeeReviewOn: COMMITTEE_MET });
    expect(change).toMatchObject({ status: 'recommender_review', committeeReviewOn: COMMITTEE_MET });

    expect(await refusal(step(change, 'return', CALLERS.recommender))).toMatchObject({ rule: 'A26-review-comment' });
    change = await step(change, 'return', CALLERS.recommender, { comment: '请一并报告研究方向的调整' });
    expect(change.status).toBe('draft');
    change = await rpc.request(
      UpdateChange,
      {
        id: change.id,
        version: change.version,
        decidedOn: change.decidedOn,
        reportRef: 'docs/changes/1-v2',
        rename: { field },
        direction: { field: { zh: '智能装备与机器人', en: 'Intelligent Equipment and Robotics' } },
      },
      as(CALLERS.construction),
    );
    change = await step(change, 'submit', CALLERS.construction);
    // The same decision date: the deadline runs on, not anew.
    expect((await deadlineOf(change)).id).toBe(deadline.id);
    change = await step(change, 'pass', CALLERS.supporting, { committeeReviewOn: '2026-11-18' });
    change = await step(change, 'consent', CALLERS.recommender);
    expect(change).toMatchObject({ status: 'dst_review', allowedActions: [] });
    change = await step(change, 'approve', CALLERS.dst);
    expect(change).toMatchObject({
      status: 'filed',
      filedOn: clock.today(),
      previous: { name: center.name, field: center.field },
      filing: { state: 'completed' },
    });
    expect(change.history.map((h) => [h.action, h.role])).toEqual([
      ['submit', 'construction_unit'],
      ['pass', 'supporting_unit'],
      ['return', 'recommender'],
      ['submit', 'construction_unit'],
      ['pass', 'supporting_unit'],
      ['consent', 'recommender'],
      ['approve', 'dst_admin'],
    ]);

    const renamed = await rpc.request(GetCenter, { id: center.id }, as(CALLERS.construction));
    expect(renamed).toMatchObject({
      name: {
        zh: '辽宁省高端智能装备技术创新中心',
        en: 'Liaoning Technology Innovation Center for High-end Intelligent Equipment',
      },
      field: { zh: '智能装备与机器人', en: 'Intelligent Equipment and Robotics' },
      previousNames: [{ name: center.name, until: clock.today(), changeId: change.id }],
    });
    await eventually(
      async () => {
        const events = (await readAllEvents(infra.nats)).filter((e) => e.subject === center.id);
        expect(events.map((e) => e.type)).toEqual(
          expect.arrayContaining(['tic.center.renamed', 'tic.center.direction_changed']),
        );
        expect(events.find((e) => e.type === 'tic.center.renamed')?.data).toMatchObject({
          previousName: center.name,
          name: renamed.name,
          changeId: change.id,
          decidedOn: change.decidedOn,
        });
      },
      20_000,
      250,
    );
    // The list of the center's reports, for its own units only.
    expect(
      (await rpc.request(ListChanges, { centerId: center.id }, as(CALLERS.coBuilder))).items.map((c) => c.id),
    ).toContain(change.id);
    expect(
      await refusal(rpc.request(ListChanges, { centerId: center.id }, as(CALLERS.otherConstruction))),
    ).toMatchObject({
      code: 'not_found',
    });
    center = renamed;
  }, 120_000);

  it('A26, D-change-filing: reminders before the 30 working days end and overdue after them, then a late filing of a reorganization', async () => {
    let change = await draft({
      reorganization: { supportingUnitId: center.supportingUnitId, coBuilderIds: [] },
      decidedOn: clock.today(),
    });
    change = await step(change, 'submit', CALLERS.construction);
    const due = change.filing?.dueOn ?? '';
    const deadline = await deadlineOf(change);
    const deadlineEvents = async () =>
      (await readAllEvents(infra.nats)).filter(
        (e) => e.type.startsWith('tic.deadline.') && (e.data as { deadlineId?: string }).deadlineId === deadline.id,
      );

    clock.set(addDays(due, -7));
    await app.get(Deadlines).sweep();
    await eventually(
      async () => {
        expect((await deadlineEvents()).map((e) => [e.type, (e.data as { daysBefore?: number }).daysBefore])).toEqual([
          ['tic.deadline.reminder', 7],
        ]);
      },
      20_000,
      250,
    );
    clock.set(due);
    await app.get(Deadlines).sweep();
    expect((await deadlineOf(change)).state).toBe('pending');
    clock.set(addDays(due, 1));
    await app.get(Deadlines).sweep();
    expect((await deadlineOf(change)).state).toBe('fired');
    await eventually(
      async () => {
        expect((await deadlineEvents()).map((e) => e.type)).toEqual([
          'tic.deadline.reminder',
          'tic.deadline.reminder',
          'tic.deadline.overdue',
        ]);
      },
      20_000,
      250,
    );
    expect((await read(change.id)).filing).toMatchObject({ dueOn: due, state: 'fired' });

    // Late is still filed (A26 sets a period, not a bar); the overdue stays on record.
    change = await step(change, 'pass', CALLERS.supporting, { committeeReviewOn: COMMITTEE_MET });
    change = await step(change, 'consent', CALLERS.recommender);
    change = await step(change, 'approve', CALLERS.dst);
    expect(change).toMatchObject({ status: 'filed', filing: { state: 'fired' } });
    expect(await rpc.request(GetCenter, { id: center.id }, as(CALLERS.dst))).toMatchObject({ coBuilderIds: [] });
    // The co-builder left the center: it no longer sees the center's reports.
    expect(await refusal(rpc.request(GetChange, { id: change.id }, as(CALLERS.coBuilder)))).toMatchObject({
      code: 'not_found',
      reason: 'change.not_found',
    });
    await eventually(
      async () => {
        const units = (await readAllEvents(infra.nats)).find(
          (e) => e.subject === center.id && e.type === 'tic.center.units_changed',
        );
        expect(units?.data).toMatchObject({
          coBuilderIds: [],
          previous: { coBuilderIds: [CO_BUILDER_ID] },
          supportingUnitId: center.supportingUnitId,
          changeId: change.id,
        });
      },
      20_000,
      250,
    );
  }, 120_000);

  it('A26: a revoked center takes no change report, and one under way stops', async () => {
    const pending = await step(
      await draft({ direction: { field: { zh: '工业机器人', en: 'Industrial Robotics' } }, decidedOn: clock.today() }),
      'submit',
      CALLERS.construction,
    );
    await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`update "applications"."center" set "status" = 'revoked' where "id" = ?`, [center.id]);
    expect(await refusal(draft({ direction: { field: { zh: '服务机器人', en: 'Service Robotics' } } }))).toMatchObject({
      code: 'conflict',
      reason: 'change.center_closed',
      rule: 'A26-center-open',
      article: '第二十六条',
    });
    expect(
      await refusal(step(pending, 'pass', CALLERS.supporting, { committeeReviewOn: COMMITTEE_MET })),
    ).toMatchObject({
      code: 'rule_violation',
      rule: 'A26-center-open',
    });
  });

  /** Filed centers of these fields, approved from one notice (A13(四)). */
  async function filedCenters(fields: readonly CenterField[]): Promise<CenterDto[]> {
    const shortlisted = [];
    for (const field of fields) shortlisted.push(await applicationAt(rpc, TO_SHORTLIST, { field }));
    await rpc.request(
      PublishNotice,
      {
        title: '拟建中心名单公示',
        applicationIds: shortlisted.map((a) => a.id),
        startsOn: addDays(clock.today(), -10),
      },
      as(CALLERS.dst),
    );
    await app.get(Deadlines).sweep();
    const centers = [];
    for (const { id } of shortlisted) {
      const approved = await eventually(
        async () => {
          const application = await rpc.request(GetApplication, { id }, as(CALLERS.dst));
          return rpc.request(
            ApproveApplication,
            { id, version: application.version, track: 'formal' },
            as(CALLERS.dst),
          );
        },
        20_000,
        200,
      );
      await rpc.request(TransitionApplication, { id, action: 'file', version: approved.version }, as(CALLERS.dst));
      centers.push(await rpc.request(GetCenter, { id: approved.centerId ?? '' }, as(CALLERS.dst)));
    }
    return centers;
  }
});
