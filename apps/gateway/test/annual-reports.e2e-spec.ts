import type { AnnualReportDto, ApplicationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import { RECOMMENDING_UNITS } from '../../applications/dist/seed/recommending-units';
import { reportStatistics } from './matrix/owner-reports';
import {
  approveOnceNoticeEnds,
  FITTING_ORGS,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';
import { residentId } from './support/rosters';
import { downloadTemplate, uploadStatistics } from './support/statistics-workbook';

// Redis database index reserved for this file.
const REDIS_DB = 2;
const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';

/**
 * Issue 12, A27 through the public API: the construction unit drafts its center's annual report on the
 * previous year, the supporting unit returns it once and passes it, the recommender files it with DST; a
 * unit of every role of another center is refused at each step and changes nothing.
 */
describe('an annual report through the gateway (gateway, applications, personnel and evaluations as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let centerId = '';
  const foreign: Record<string, string> = {};
  const reportYear = Number(today().slice(0, 4)) - 1;

  beforeAll(async () => {
    world = await PlatformWorld.start('reports-e2e', REDIS_DB);
    tokens = await tokensFor(world);
    foreign.construction_unit = await world.token(
      'construction_unit',
      unit('大连示范海洋工程研究院有限公司技术中心'),
      'reports-foreign-cu',
    );
    foreign.supporting_unit = await world.token(
      'supporting_unit',
      unit('大连示范海洋工程研究院有限公司'),
      'reports-foreign-su',
    );
    foreign.recommender = await world.token(
      'recommender',
      RECOMMENDING_UNITS.find((r) => r.name === '大连市科学技术局')?.id ?? '',
      'reports-foreign-rec',
    );
    let application: ApplicationDto = await shortlisted(world, tokens);
    await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    application = await approveOnceNoticeEnds(world, tokens, application);
    application = await step(world, tokens.dst, application, 'file');
    centerId = application.centerId ?? '';
  }, 300_000);

  afterAll(async () => {
    await world?.stop();
  });

  const read = async (id: string) =>
    (await call<AnnualReportDto>(world, 'GET', `/annual-reports/${id}`, { token: tokens.dst })).body;
  const move = (report: AnnualReport, token: string, body: Record<string, unknown>) =>
    call<AnnualReportDto>(world, 'POST', `/annual-reports/${report.id}/transitions`, {
      token,
      headers: { 'if-match': `W/"${report.version}"` },
      body,
    });
  type AnnualReport = Pick<AnnualReportDto, 'id' | 'version'>;

  /** Every foreign unit is refused as if the report did not exist, and the report is as it was. */
  async function foreignRefused(report: AnnualReport, body: Record<string, unknown>) {
    const before = await read(report.id);
    for (const token of Object.values(foreign)) {
      const reply = await move(report, token, body);
      expect([reply.status, reply.body]).toEqual([404, expect.objectContaining({ code: 'report.not_found' })]);
      const get = await call(world, 'GET', `/annual-reports/${report.id}`, { token });
      expect(get.status).toBe(404);
    }
    expect(await read(report.id)).toEqual(before);
  }

  it('is drafted, returned once, passed and filed by each role in turn, refused to the others', async () => {
    const created = await eventually(
      async () => {
        const reply = await call<AnnualReportDto>(world, 'POST', '/annual-reports', {
          token: tokens.construction,
          body: { centerId, reportYear, narrative: '中心年度运行情况', statistics: reportStatistics },
        });
        expect(reply.status).toBe(201);
        return reply.body;
      },
      30_000,
      250,
    );
    expect(created).toMatchObject({ status: 'draft', reportYear, allowedActions: ['submit'] });
    const foreignDraft = await call(world, 'POST', '/annual-reports', {
      token: foreign.construction_unit ?? '',
      body: { centerId, reportYear: reportYear - 1 },
    });
    expect([foreignDraft.status, foreignDraft.body]).toEqual([
      404,
      expect.objectContaining({ code: 'center.not_found' }),
    ]);
    const byDst = await move(created, tokens.dst, { action: 'submit' });
    expect(byDst.status).toBe(403);

    await foreignRefused(created, { action: 'submit' });
    const submitted = await move(created, tokens.construction, { action: 'submit' });
    expect([submitted.status, submitted.body.status]).toEqual([200, 'supporting_review']);
    // A16, A17: the counts the table left out were read from the personnel registry (no committee met yet).
    expect(submitted.body.statistics).toMatchObject({ managementCommitteeMeetings: 0, advisoryCommitteeMeetings: 0 });
    const early = await move(submitted.body, tokens.recommender, { action: 'file' });
    expect([early.status, early.body]).toEqual([
      409,
      expect.objectContaining({ code: 'lifecycle.invalid_transition' }),
    ]);

    await foreignRefused(submitted.body, { action: 'return', comment: '请补充' });
    const returned = await move(submitted.body, tokens.supporting, {
      action: 'return',
      comment: '请补充技术转让合同清单。',
      reviseBy: addDays(today(), 10),
    });
    expect(returned.body).toMatchObject({ status: 'draft', returned: { comment: '请补充技术转让合同清单。' } });
    const stale = await call(world, 'PUT', `/annual-reports/${created.id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${created.version}"` },
      body: { narrative: '旧版本' },
    });
    expect(stale.status).toBe(409);
    const revised = await call<AnnualReportDto>(world, 'PUT', `/annual-reports/${created.id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${returned.body.version}"` },
      body: { narrative: '中心年度运行情况（附技术转让合同清单）' },
    });
    expect(revised.status).toBe(200);
    const again = await move(revised.body, tokens.construction, { action: 'submit' });
    const passed = await move(again.body, tokens.supporting, { action: 'pass' });
    expect(passed.body.status).toBe('recommender_review');

    await foreignRefused(passed.body, { action: 'file' });
    const filed = await move(passed.body, tokens.recommender, { action: 'file' });
    expect(filed.body).toMatchObject({ status: 'filed', filedOn: today() });
    expect(filed.body.history.map((h) => [h.action, h.role])).toEqual([
      ['submit', 'construction_unit'],
      ['return', 'supporting_unit'],
      ['submit', 'construction_unit'],
      ['pass', 'supporting_unit'],
      ['file', 'recommender'],
    ]);

    const office = await world.token('committee_office', FITTING_ORGS.committee_office, 'reports-office');
    const listed = await call<{ items: { id: string }[] }>(world, 'GET', `/annual-reports?centerId=${centerId}`, {
      token: office,
    });
    expect(listed.body.items.map((r) => r.id)).toEqual([created.id]);
    for (const token of Object.values(foreign)) {
      const theirs = await call<{ items: { id: string }[] }>(world, 'GET', '/annual-reports', { token });
      expect(theirs.body.items.map((r) => r.id)).not.toContain(created.id);
    }
    await eventually(async () => {
      const events = (await readAllEvents(world.nats)).filter(
        (e) => e.type === 'tic.report.submitted' && e.subject === created.id,
      );
      expect(events).toHaveLength(2);
    });
  });

  it('takes a major achievement from the supporting unit, for DST to read, and from no other unit', async () => {
    const body = { title: '高端轴承寿命提升三倍', description: '成果已在两家企业转化。', achievedOn: today() };
    const reported = await call<{ id: string }>(world, 'POST', `/centers/${centerId}/achievements`, {
      token: tokens.supporting,
      body,
    });
    expect(reported.status).toBe(201);
    const byConstruction = await call(world, 'POST', `/centers/${centerId}/achievements`, {
      token: tokens.construction,
      body,
    });
    expect(byConstruction.status).toBe(403);
    const byForeign = await call(world, 'POST', `/centers/${centerId}/achievements`, {
      token: foreign.supporting_unit ?? '',
      body,
    });
    expect([byForeign.status, byForeign.body]).toEqual([404, expect.objectContaining({ code: 'center.not_found' })]);
    const read = await call<{ items: { id: string; title: string }[] }>(
      world,
      'GET',
      `/centers/${centerId}/achievements`,
      { token: tokens.dst },
    );
    expect(read.body.items).toEqual([expect.objectContaining({ id: reported.body.id, title: body.title })]);
  });

  it('takes the statistics as the template it hands out: every bad cell listed and nothing written, a good sheet stored', async () => {
    const draft = await call<AnnualReportDto>(world, 'POST', '/annual-reports', {
      token: tokens.construction,
      body: { centerId, reportYear: reportYear - 1 },
    });
    expect([draft.status, draft.body.statistics]).toEqual([201, null]);
    const template = await downloadTemplate(world, draft.body.id, tokens.construction);
    expect([template.status, template.type]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    // A35: the performance targets are the funding service's; a third sheet, when present, is its section to read.
    expect(template.workbook.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['年度统计', '重大成果']);
    const sheet = (name: string) => {
      const found = template.workbook.getWorksheet(name);
      if (found === undefined) throw new Error(`no sheet ${name}`);
      return found;
    };
    const main = sheet('年度统计');
    expect(main.getCell('A1').value).toBe('研发经费支出（分）');
    main.addRow([12_345_600, 20, 5, 8, 3, 1, 2, 50_000_00, 1, 4, 300.5]);
    sheet('重大成果').addRow(['高端轴承', '寿命提升三倍']);

    // Bad cells: text for money, a negative count, an achievement with no title; each named, nothing written.
    main.getRow(2).getCell(1).value = '很多';
    main.getRow(2).getCell(2).value = -1;
    sheet('重大成果').addRow(['', '新型轴承钢']);
    const bad = await uploadStatistics(
      world,
      draft.body.id,
      tokens.construction,
      draft.body.version,
      template.workbook,
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'report.statistics_sheet_invalid']);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      '年度统计!A2',
      '年度统计!B2',
      '重大成果!A3',
    ]);
    expect((await read(draft.body.id)).statistics).toBeNull();

    main.getRow(2).getCell(1).value = 12_345_600;
    main.getRow(2).getCell(2).value = 20;
    sheet('重大成果').spliceRows(3, 1);
    const theirs = await uploadStatistics(
      world,
      draft.body.id,
      foreign.construction_unit ?? '',
      draft.body.version,
      template.workbook,
    );
    expect([theirs.status, theirs.body.code]).toEqual([404, 'report.not_found']);
    const bySupporting = await uploadStatistics(world, draft.body.id, tokens.supporting, 1, template.workbook);
    expect(bySupporting.status).toBe(403);
    const good = await uploadStatistics(
      world,
      draft.body.id,
      tokens.construction,
      draft.body.version,
      template.workbook,
    );
    expect(good.status).toBe(200);
    const stored = await read(draft.body.id);
    expect(stored.statistics).toEqual({
      rdSpendingFen: 12_345_600,
      fixedStaff: 20,
      floatingStaff: 5,
      patentsGranted: 8,
      inventionPatentsGranted: 3,
      standardsDrafted: 1,
      transferContracts: 2,
      transferIncomeFen: 50_000_00,
      incubatedFirms: 1,
      instrumentsShared: 4,
      sharingHours: 300.5,
      majorAchievements: [{ title: '高端轴承', description: '寿命提升三倍' }],
    });
    const stale = await uploadStatistics(
      world,
      draft.body.id,
      tokens.construction,
      draft.body.version,
      template.workbook,
    );
    expect(stale.status).toBe(409);
    // Downloaded again, the template holds what the report does.
    const again = await downloadTemplate(world, draft.body.id, tokens.dst);
    expect(again.workbook.getWorksheet('年度统计')?.getCell('K2').value).toBe(300.5);
  });

  it('has the personnel list checked by the registry, keeps it masked, and shows its conflicts to the reviewers', async () => {
    // Someone already fixed staff of another unit's laboratory (A18 一人一平台).
    const otherUnit = unit('大连示范海洋工程研究院有限公司');
    const lab = await call<{ id: string }>(world, 'POST', '/platforms', {
      token: tokens.dst,
      body: { name: '年报查重测试重点实验室', kind: 'key_laboratory', supportingUnitId: otherUnit },
    });
    expect(lab.status).toBe(201);
    const [taken, free] = [residentId(771_001), residentId(771_002)];
    const person = await call<{ id: string }>(world, 'POST', '/people', {
      token: foreign.supporting_unit ?? '',
      body: { name: '他处固定人员', idNumber: taken, employerOrgId: otherUnit },
    });
    expect(person.status).toBe(201);
    const appointed = await call(world, 'POST', '/appointments', {
      token: foreign.supporting_unit ?? '',
      body: { platformId: lab.body.id, personId: person.body.id, role: 'researcher', kind: 'fixed', startsOn: today() },
    });
    expect(appointed.status).toBe(201);

    const draft = await call<AnnualReportDto>(world, 'POST', '/annual-reports', {
      token: tokens.construction,
      body: { centerId, reportYear: reportYear - 2 },
    });
    expect([draft.status, draft.body.personnel]).toEqual([201, null]);
    const check = (token: string, version: number, people: Record<string, string>[]) =>
      call<AnnualReportDto>(world, 'POST', `/annual-reports/${draft.body.id}/personnel-check`, {
        token,
        headers: { 'if-match': `W/"${version}"` },
        body: { people },
      });
    const people = [
      { name: '本中心研究员', idNumber: free, kind: 'fixed' },
      { name: '他处固定人员', idNumber: taken, kind: 'fixed' },
    ];
    const bad = await check(tokens.construction, draft.body.version, [
      ...people,
      { name: '号码有误', idNumber: '210102199001011234', kind: 'floating' },
    ]);
    expect([bad.status, bad.body]).toEqual([
      400,
      expect.objectContaining({
        code: 'report.personnel_invalid',
        errors: [expect.objectContaining({ path: 'people[2].idNumber' })],
      }),
    ]);
    expect((await read(draft.body.id)).personnel).toBeNull();
    const theirs = await check(foreign.construction_unit ?? '', draft.body.version, people);
    expect([theirs.status, theirs.body]).toEqual([404, expect.objectContaining({ code: 'report.not_found' })]);
    expect((await check(tokens.supporting, draft.body.version, people)).status).toBe(403);

    const checked = await check(tokens.construction, draft.body.version, people);
    expect(checked.status).toBe(200);
    const expected = {
      checkedOn: today(),
      people: [
        { name: '本中心研究员', idNumberMasked: `${free.slice(0, 4)}**********${free.slice(-4)}`, kind: 'fixed' },
        { name: '他处固定人员', idNumberMasked: `${taken.slice(0, 4)}**********${taken.slice(-4)}`, kind: 'fixed' },
      ],
      conflicts: [{ row: 2, name: '他处固定人员', platformName: '年报查重测试重点实验室', since: today() }],
    };
    for (const token of [tokens.supporting, tokens.recommender, tokens.dst]) {
      const seen = await call<AnnualReportDto>(world, 'GET', `/annual-reports/${draft.body.id}`, { token });
      expect(seen.body.personnel).toEqual(expected);
      expect(JSON.stringify(seen.body)).not.toContain(taken);
    }
  });
});
