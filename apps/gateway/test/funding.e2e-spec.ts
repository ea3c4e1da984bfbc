import { randomUUID } from 'node:crypto';

import type {
  AllocationDto,
  AssignmentDto,
  CenterDto,
  CenterSourcesDto,
  LedgerEntryDto,
  MisuseFindingDto,
  PolicySupportProposalDto,
  RoundDto,
} from '@tic/contracts';
import { addDays, ROLES, type Role } from '@tic/domain';
import { eventually } from '@tic/testing';

import { allocationBody, expenditureBody } from './matrix/owner-funding';
import { fullScores, session } from './matrix/owner-rounds';
import { FOREIGN_ORGS } from './matrix/worlds';
import { ORGS, today, tokensFor, type Tokens } from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';
import { downloadLedgerTemplate, importLedgerFile, LEDGER_HEADER, LEDGER_HEADER_EN } from './support/funding';
import { csvOf, xlsxOf } from './support/rosters';

// Redis database index reserved for this file.
const REDIS_DB = 3;
const YEAR = 2026;

type Problem = { code?: string; article?: string; errors?: { path: string; message: string }[] };
type Reply<T> = { status: number; body: T & Problem };
type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * Issue 14 through the public API, every service a process: DST allocates provincial funds to an operating
 * center (A33–A35); its supporting unit keeps the separate ledger (A36), by hand and from a workbook; rates
 * of execution by center and city; the year end carries the balance over (A34); the self-evaluation and
 * DST's rating (A35); the sources (A32); a misuse finding suspends the allocation (A36). A unit of another
 * center, of every role, is refused with its exact status and changes nothing; an agency learns of
 * allocations from the event feed, never by reading them.
 */
describe('provincial funds through the gateway (every service as a process)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let agency: string;
  let centerId = '';
  let allocation: AllocationDto;
  let carried: AllocationDto;
  const foreign = {} as Record<Role, string>;

  beforeAll(async () => {
    world = await PlatformWorld.start('funding', REDIS_DB);
    tokens = await tokensFor(world);
    agency = await world.token('agency', ORGS.recommender, 'funding-agency');
    const foreignOrg: Record<Role, string> = {
      dst_admin: FOREIGN_ORGS.supporting,
      committee_office: FOREIGN_ORGS.supporting,
      recommender: FOREIGN_ORGS.recommender,
      supporting_unit: FOREIGN_ORGS.supporting,
      co_builder: FOREIGN_ORGS.coBuilder,
      construction_unit: FOREIGN_ORGS.construction,
      expert: FOREIGN_ORGS.coBuilder,
      evaluator: FOREIGN_ORGS.coBuilder,
      agency: FOREIGN_ORGS.recommender,
    };
    for (const role of ROLES) foreign[role] = await world.token(role, foreignOrg[role], `funding-foreign-${role}`);
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const get = async <T>(path: string, token = tokens.dst) => (await call<T>(world, 'GET', path, { token })).body;
  const send = <T>(method: string, path: string, token: string, body: unknown, headers = {}): Promise<Reply<T>> =>
    call<T & Problem>(world, method, path, { token, body, headers });
  const versioned = (a: { version: number }) => ({ 'if-match': `W/"${a.version}"` });
  const ledger = async (id = allocation.id) =>
    (await get<Page<LedgerEntryDto>>(`/allocations/${id}/ledger?limit=200`)).items;
  const outcome = (reply: Reply<unknown>) => ({ status: reply.status, code: reply.body.code });

  it('A33–A35: DST allocates to an operating center a budget by category and targets of the three tiers', async () => {
    const center = await send<CenterDto>('POST', '/centers/existing', tokens.dst, {
      field: { zh: '智能制造资金管理', en: 'Intelligent Manufacturing Funds' },
      track: 'formal',
      supportingUnitId: ORGS.supporting,
      constructionUnitId: ORGS.construction,
      coBuilderIds: [ORGS.coBuilder],
      approvedOn: '2024-05-20',
      approvalDocument: '辽科发〔2024〕88号',
    });
    expect(center.status).toBe(201);
    centerId = center.body.id;
    const byUnit = await send('POST', '/allocations', tokens.supporting, allocationBody(centerId, YEAR));
    expect(outcome(byUnit)).toEqual({ status: 403, code: 'auth.role_not_allowed' });
    // The center reaches the funding service by its event, a moment after it is registered.
    allocation = await eventually(
      async () => {
        const reply = await send<AllocationDto>('POST', '/allocations', tokens.dst, allocationBody(centerId, YEAR), {
          'idempotency-key': 'funding-e2e-allocation',
        });
        expect(outcome(reply)).toEqual({ status: 201 });
        return reply.body;
      },
      30_000,
      250,
    );
    expect(allocation).toMatchObject({
      centerId,
      fiscalYear: YEAR,
      status: 'active',
      totalFen: 80_000_000,
      spentFen: 0,
      remainingFen: 80_000_000,
      executionRate: 0,
    });
    expect(allocation.targets.map((t) => t.tier)).toEqual(['output', 'effect', 'satisfaction']);
    const again = await send<AllocationDto>('POST', '/allocations', tokens.dst, allocationBody(centerId, YEAR), {
      'idempotency-key': 'funding-e2e-allocation',
    });
    expect(again.body.id).toBe(allocation.id);
    const listed = await get<Page<AllocationDto>>(`/allocations?centerId=${centerId}&limit=50`);
    expect(listed.items.map((a) => a.id)).toEqual([allocation.id]);
  });

  it('A36: the supporting unit records expenditures against this allocation alone; beyond the budget is refused', async () => {
    const record = (body: Record<string, unknown>, token = tokens.supporting) =>
      send<{ entry: LedgerEntryDto }>('POST', `/allocations/${allocation.id}/ledger`, token, body);
    const first = await record({ ...expenditureBody('记-0101'), amountFen: 20_000_000 });
    const second = await record({ ...expenditureBody('记-0102'), category: 'equipment', amountFen: 45_000_000 });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.entry).toMatchObject({ sequence: 2, balanceAfterFen: 15_000_000, kind: 'expenditure' });

    const before = await ledger();
    const beyond = await record({ ...expenditureBody('记-0103'), category: 'business', amountFen: 10_000_001 });
    expect(beyond.status).toBe(422);
    expect([beyond.body.article, beyond.body.code]).toEqual(['第三十六条', 'funding.over_budget']);
    expect(beyond.body.errors?.map((e) => e.path)).toContain('amountFen');
    const outside = await record({ ...expenditureBody('记-0104'), category: 'labor' });
    expect([outside.status, outside.body.errors?.map((e) => e.path)]).toEqual([422, ['category']]);
    const byConstruction = await record(expenditureBody('记-0105'), tokens.construction);
    expect(outcome(byConstruction)).toEqual({ status: 403, code: 'auth.role_not_allowed' });
    expect(await ledger()).toEqual(before);
  });

  it('A36: a correction is a reversal of the whole entry, once; the ledger lists every line in order', async () => {
    const [first] = await ledger();
    const path = `/allocations/${allocation.id}/ledger/${first?.id}/reversal`;
    const reversed = await send<{ entry: LedgerEntryDto }>('POST', path, tokens.supporting, { reason: '金额录错' });
    expect(reversed.status).toBe(201);
    expect(reversed.body.entry).toMatchObject({ kind: 'reversal', amountFen: -20_000_000, reverses: first?.id });
    const twice = await send('POST', path, tokens.supporting, { reason: '再次冲销' });
    expect(outcome(twice)).toEqual({ status: 409, code: 'funding.already_reversed' });
    const lines = await ledger();
    expect(lines.map((l) => [l.sequence, l.kind, l.amountFen, l.reversedBy])).toEqual([
      [1, 'expenditure', 20_000_000, reversed.body.entry.id],
      [2, 'expenditure', 45_000_000, null],
      [3, 'reversal', -20_000_000, null],
    ]);
    const now = await get<AllocationDto>(`/allocations/${allocation.id}`);
    expect([now.spentFen, now.remainingFen]).toEqual([45_000_000, 35_000_000]);
  });

  it('A36: a workbook with bad lines is reported by the rows the spreadsheet shows, and nothing is recorded', async () => {
    const before = await ledger();
    // Line 4 is left blank: it counts, as in Excel, and is skipped.
    const serviceProblems = await xlsxOf(LEDGER_HEADER, [
      ['2026-05-06', '1200.50', '业务费', '沈阳示范会务公司', '记-0201', '否', '否', ''],
      ['2026-05-07', '12.345', '业务费', '沈阳示范会务公司', '记-0202', '否', '否', ''],
      [],
      ['2026-05-08', '300', '差旅费', '沈阳示范旅行社', '记-0203', '否', '否', ''],
    ]);
    const checked = await importLedgerFile(world, allocation.id, tokens.supporting, serviceProblems);
    expect(checked.status).toBe(200);
    expect(checked.body.imported).toBe(0);
    const rows = (checked.body.problems as { row: number; field: string }[]).map((p) => [p.row, p.field]);
    expect(rows).toEqual([
      [3, 'amountYuan'],
      [5, 'category'],
    ]);
    // A date typed into the amount column is a cell no amount can be read from: the gateway names it.
    const unreadable = await xlsxOf(LEDGER_HEADER, [
      ['2026-05-06', new Date(Date.UTC(2026, 4, 6)), '业务费', '沈阳示范会务公司', '记-0204', '否', '否', ''],
    ]);
    const gatewayChecked = await importLedgerFile(world, allocation.id, tokens.supporting, unreadable);
    expect([gatewayChecked.status, gatewayChecked.body.imported, gatewayChecked.body.problems]).toEqual([
      200,
      0,
      [expect.objectContaining({ row: 2, field: 'amountYuan' })],
    ]);
    // The readable lines are still checked by the service: line 3 the gateway cannot read, line 5 is beyond
    // the budget, and both come back in one answer, by row.
    const both = await xlsxOf(LEDGER_HEADER, [
      ['2026-05-06', '100', '业务费', '沈阳示范会务公司', '记-0205', '否', '否', ''],
      ['2026-05-06', new Date(Date.UTC(2026, 4, 6)), '业务费', '沈阳示范会务公司', '记-0206', '否', '否', ''],
      ['2026-05-07', '200', '设备费', '沈阳示范仪器公司', '记-0207', '否', '否', ''],
      ['2026-05-08', '9999999.00', '设备费', '沈阳示范仪器公司', '记-0208', '否', '否', ''],
    ]);
    const bothChecked = await importLedgerFile(world, allocation.id, tokens.supporting, both);
    const found = bothChecked.body.problems as { row: number; field: string; article?: string }[];
    expect([bothChecked.status, bothChecked.body.imported, found.map((p) => [p.row, p.field])]).toEqual([
      200,
      0,
      [
        [3, 'amountYuan'],
        [5, 'amountYuan'],
      ],
    ]);
    expect(found[1]?.article).toBe('第三十六条');
    const noColumn = await importLedgerFile(
      world,
      allocation.id,
      tokens.supporting,
      await xlsxOf(['支出日期'], [['2026-05-06']]),
    );
    expect(noColumn.status).toBe(400);
    expect(await ledger()).toEqual(before);
  });

  it('A36: the downloaded template filled in, and a CSV with English codes, are recorded whole', async () => {
    const foreignTemplate = await downloadLedgerTemplate(world, allocation.id, foreign.supporting_unit);
    expect(foreignTemplate.status).toBe(404);
    const template = await downloadLedgerTemplate(world, allocation.id, tokens.supporting);
    expect([template.status, template.type]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    const sheet = template.workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_HEADER);
    // The category list offers the allocation's own categories only.
    expect(sheet?.getCell('C2').dataValidation.formulae).toEqual(['"设备费,业务费"']);
    sheet?.addRow([
      new Date(Date.UTC(2026, 5, 1)),
      1200.5,
      '业务费',
      '沈阳示范会务公司',
      '记-0301',
      '否',
      '否',
      '学术会议',
    ]);
    sheet?.addRow(['2026-06-02', '3,000.00', '设备费', '沈阳示范仪器公司', '记-0302', '是', '是', '']);
    const good = Buffer.from(await template.workbook.xlsx.writeBuffer());
    const imported = await importLedgerFile(world, allocation.id, tokens.supporting, good);
    expect([imported.status, imported.body.imported, imported.body.problems]).toEqual([200, 2, []]);
    const csv = csvOf(LEDGER_HEADER_EN, [
      ['2026-06-03', '99.99', 'business', '沈阳示范快递公司', '记-0303', 'no', 'no', ''],
    ]);
    const fromCsv = await importLedgerFile(world, allocation.id, tokens.supporting, csv, 'text/csv');
    expect([fromCsv.status, fromCsv.body.imported]).toEqual([200, 1]);
    const lines = await ledger();
    expect(lines.slice(3).map((l) => [l.amountFen, l.category, l.procurement, l.stateAsset, l.voucherRef])).toEqual([
      [120_050, 'business', false, false, '记-0301'],
      [300_000, 'equipment', true, true, '记-0302'],
      [9_999, 'business', false, false, '记-0303'],
    ]);
  });

  it('A35: execution rates by center and by city count what was spent over what was allocated', async () => {
    const spent = 45_000_000 + 120_050 + 300_000 + 9_999;
    const byCenter = await get<{ rows: { key: string; spentFen: number; allocatedFen: number }[] }>(
      `/funding/execution?groupBy=center&fiscalYear=${YEAR}&centerId=${centerId}`,
    );
    expect(byCenter.rows).toEqual([
      expect.objectContaining({ key: centerId, allocatedFen: 80_000_000, spentFen: spent }),
    ]);
    const city = (await get<AllocationDto>(`/allocations/${allocation.id}`)).city;
    const byCity = await get<{ rows: { key: string; spentFen: number }[] }>(
      `/funding/execution?groupBy=city&fiscalYear=${YEAR}&city=${city}`,
    );
    expect(byCity.rows.find((r) => r.key === city)?.spentFen).toBeGreaterThanOrEqual(spent);
  });

  it('A32: the supporting unit records the year’s other sources; provincial is the allocations', async () => {
    const path = `/centers/${centerId}/funding-sources`;
    const recorded = await send<CenterSourcesDto>('PUT', `${path}/${YEAR}`, tokens.supporting, {
      lines: [
        { source: 'supporting_unit', amountFen: 200_000_000, note: '依托单位自筹' },
        { source: 'enterprise', amountFen: 50_000_000 },
      ],
    });
    expect(recorded.status).toBe(200);
    const read = await get<CenterSourcesDto>(`${path}?year=${YEAR}`, tokens.construction);
    expect(Object.fromEntries(read.lines.map((l) => [l.source, l.amountFen]))).toMatchObject({
      supporting_unit: 200_000_000,
      enterprise: 50_000_000,
    });
  });

  it('A34 结余结转: DST closes the year and carries the balance into next year’s allocation', async () => {
    const current = await get<AllocationDto>(`/allocations/${allocation.id}`);
    const close = (headers: Record<string, string>) =>
      send<AllocationDto>(
        'POST',
        `/allocations/${allocation.id}/close-year`,
        tokens.dst,
        {
          decision: 'carry_over',
          reason: '项目延续，结余结转下年使用',
        },
        headers,
      );
    expect((await close({ 'if-match': `W/"${current.version - 1}"` })).status).toBe(409);
    const closed = await close(versioned(current));
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      yearEnd: { decision: 'carry_over', balanceFen: current.remainingFen },
    });
    carried = await get<AllocationDto>(`/allocations/${closed.body.yearEnd?.carriedOverTo}`);
    expect(carried).toMatchObject({
      fiscalYear: YEAR + 1,
      carriedOverFrom: allocation.id,
      totalFen: current.remainingFen,
    });
    allocation = closed.body;
  });

  it('A35: the supporting unit self-evaluates every target, a shortfall with its reason; DST rates', async () => {
    const [output, effect, satisfaction] = allocation.targets;
    const evaluated = await send<AllocationDto>(
      'POST',
      `/allocations/${allocation.id}/self-evaluation`,
      tokens.supporting,
      {
        targets: [
          { targetId: output?.id, achievedValue: 6 },
          { targetId: effect?.id, achievedValue: 420, shortfallReason: '两项合同延至次年签订' },
          { targetId: satisfaction?.id, achievedValue: 95 },
        ],
      },
      versioned(allocation),
    );
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.targets.map((t) => t.met)).toEqual([true, false, true]);
    const byConstruction = await send(
      'POST',
      `/allocations/${allocation.id}/rating`,
      tokens.construction,
      {
        rating: 'good',
        comment: '良',
      },
      versioned(evaluated.body),
    );
    expect(outcome(byConstruction)).toEqual({ status: 403, code: 'auth.role_not_allowed' });
    const rated = await send<AllocationDto>(
      'POST',
      `/allocations/${allocation.id}/rating`,
      tokens.dst,
      {
        rating: 'good',
        comment: '主要目标完成，经济效益指标略有差距',
      },
      versioned(evaluated.body),
    );
    expect([rated.status, rated.body.rating?.rating]).toEqual([200, 'good']);
  });

  it('A36: a misuse finding that suspends the allocation stops the next expenditure', async () => {
    const found = await send<MisuseFindingDto>('POST', `/allocations/${carried.id}/misuse-findings`, tokens.dst, {
      kind: 'diversion',
      amountFen: 500_000,
      description: '以专项资金支付依托单位日常办公费用',
      foundOn: '2026-11-20',
      recoverFen: 500_000,
      suspendAllocation: true,
    });
    expect(found.status).toBe(201);
    expect((await get<AllocationDto>(`/allocations/${carried.id}`)).status).toBe('suspended');
    const next = await send('POST', `/allocations/${carried.id}/ledger`, tokens.supporting, {
      ...expenditureBody('记-0401'),
      spentOn: `${YEAR}-11-25`,
    });
    expect({ ...outcome(next), article: next.body.article }).toEqual({
      status: 422,
      code: 'funding.allocation_not_active',
      article: '第三十六条',
    });
    expect(await ledger(carried.id)).toEqual([]);
    const findings = await get<Page<MisuseFindingDto>>(`/misuse-findings?centerId=${centerId}`, tokens.supporting);
    expect(findings.items.map((f) => f.id)).toEqual([found.body.id]);
  });

  it('a unit of another center, of every role, is refused with its exact status and changes nothing', async () => {
    const readBack = async () => [
      await get(`/allocations/${allocation.id}`),
      await ledger(),
      await get(`/centers/${centerId}/funding-sources?year=${YEAR}`),
      await get(`/misuse-findings?centerId=${centerId}`),
    ];
    const before = await readBack();
    const attempts = (token: string) => ({
      read: () => send('GET', `/allocations/${allocation.id}`, token, undefined),
      spend: () =>
        send('POST', `/allocations/${allocation.id}/ledger`, token, expenditureBody(`记-${randomUUID().slice(0, 6)}`)),
      sources: () =>
        send('PUT', `/centers/${centerId}/funding-sources/${YEAR}`, token, {
          lines: [{ source: 'enterprise', amountFen: 1 }],
        }),
      misuse: () =>
        send('POST', `/allocations/${allocation.id}/misuse-findings`, token, {
          kind: 'withholding',
          amountFen: 1,
          description: '越权认定',
          foundOn: '2026-11-20',
        }),
    });
    const observed: Record<string, Record<string, unknown>> = {};
    for (const role of ROLES) {
      const tries = attempts(foreign[role]);
      observed[role] = {
        read: outcome(await tries.read()),
        spend: outcome(await tries.spend()),
        sources: outcome(await tries.sources()),
        misuse: outcome(await tries.misuse()),
      };
    }
    const role = { status: 403, code: 'auth.role_not_allowed' };
    const misfit = { status: 403, code: 'auth.role_does_not_fit_organization' };
    const unseen = { status: 404, code: 'allocation.not_found' };
    const noLedger = { status: 404, code: 'ledger_entry.not_found' };
    const everything = (o: unknown) => ({ read: o, spend: o, sources: o, misuse: o });
    expect(observed).toEqual({
      dst_admin: everything(misfit),
      committee_office: everything(misfit),
      recommender: { read: unseen, spend: role, sources: role, misuse: role },
      supporting_unit: {
        read: unseen,
        spend: noLedger,
        sources: { status: 404, code: 'funding_source.not_found' },
        misuse: role,
      },
      co_builder: everything(role),
      construction_unit: { read: unseen, spend: role, sources: role, misuse: role },
      expert: everything(role),
      evaluator: everything(role),
      // DOMAIN.md §1: an agency reads no center's funds (it learns of them by events), and changes nothing.
      agency: everything(role),
    });
    expect(await readBack()).toEqual(before);
  });

  it('an agency is refused the allocations and execution, and learns of them from tic.funding.allocated', async () => {
    const refused = { status: 403, code: 'auth.role_not_allowed' };
    for (const path of [
      `/allocations?centerId=${centerId}&limit=50`,
      `/allocations/${allocation.id}`,
      `/funding/execution?groupBy=allocation&centerId=${centerId}`,
      `/allocations/${allocation.id}/ledger`,
    ]) {
      const reply = await call<Problem>(world, 'GET', path, { token: agency });
      expect([path, { status: reply.status, code: reply.body.code }]).toEqual([path, refused]);
    }
    // The feed records the event a moment after the funding service publishes it.
    const allocated = await eventually(
      async () => {
        const feed = await call<{ events: { type: string; data: { allocationId: string; amountFen?: number } }[] }>(
          world,
          'GET',
          `/events?types=tic.funding.allocated&centerIds=${centerId}&limit=500`,
          { token: agency },
        );
        expect(feed.status).toBe(200);
        const ids = feed.body.events.map((e) => e.data.allocationId);
        expect(ids).toEqual(expect.arrayContaining([allocation.id, carried.id]));
        return feed.body.events.find((e) => e.data.allocationId === allocation.id);
      },
      30_000,
      250,
    );
    expect(allocated?.data.amountFen).toBe(80_000_000);
  });

  it('A30, A33: an excellent grade proposes policy support; DST declines it with a reason, once', async () => {
    const agencyOrg = randomUUID();
    const evaluator = await world.token('evaluator', agencyOrg, 'funding-e2e-agency');
    // A28: approved in 2024, the center is due for evaluation and is in the round of itself.
    const round = await eventually(
      async () => {
        const reply = await send<RoundDto>('POST', '/evaluation-rounds', tokens.dst, {
          name: '2026年度技术创新中心评估（资金）',
          year: YEAR,
          participateBy: addDays(today(), 30),
          thresholds: { excellent: 90, good: 75, basicPass: 60 },
        });
        expect(reply.body.centers?.map((c) => c.centerId)).toEqual([centerId]);
        return reply.body;
      },
      30_000,
      250,
    );
    const entrusted = await send('POST', `/evaluation-rounds/${round.id}/entrustments`, tokens.dst, {
      agencyOrgId: agencyOrg,
      centerIds: [centerId],
    });
    expect(entrusted.status).toBe(200);
    const onCenter = async (step: string, body: Record<string, unknown>) => {
      const path = `/evaluation-rounds/${round.id}/centers/${centerId}`;
      return send<AssignmentDto>('POST', `${path}/${step}`, evaluator, body, versioned(await get<AssignmentDto>(path)));
    };
    const work = { meetingReview: session, onSiteInspection: session, report: '书面评估报告' };
    expect((await onCenter('scores', { scores: fullScores(95), ...work })).status).toBe(200);
    expect((await onCenter('submission', {})).status).toBe(200);
    const onRound = async (step: string) =>
      send<RoundDto>(
        'POST',
        `/evaluation-rounds/${round.id}/${step}`,
        tokens.dst,
        {},
        versioned(await get<RoundDto>(`/evaluation-rounds/${round.id}`)),
      );
    for (const step of ['grading', 'grades', 'publication']) expect((await onRound(step)).status).toBe(200);

    const proposal = await eventually(
      async () => {
        const page = await get<Page<PolicySupportProposalDto>>(`/policy-support-proposals?centerId=${centerId}`);
        expect(page.items.map((p) => p.status)).toEqual(['proposed']);
        return page.items[0] as PolicySupportProposalDto;
      },
      30_000,
      250,
    );
    expect(proposal).toMatchObject({ roundId: round.id, centerId, score: 95, allocationId: null });
    const decline = (token: string) =>
      send<PolicySupportProposalDto>('POST', `/policy-support-proposals/${proposal.id}/decline`, token, {
        reason: '本年度已安排该中心专项资金',
      });
    expect(outcome(await decline(tokens.supporting))).toEqual({ status: 403, code: 'auth.role_not_allowed' });
    const declined = await decline(tokens.dst);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '本年度已安排该中心专项资金' });
    expect(outcome(await decline(tokens.dst))).toEqual({ status: 409, code: 'funding.proposal_already_decided' });
    const seen = await get<Page<PolicySupportProposalDto>>(
      `/policy-support-proposals?centerId=${centerId}`,
      tokens.supporting,
    );
    expect(seen.items.map((p) => p.status)).toEqual(['declined']);
  });
});
