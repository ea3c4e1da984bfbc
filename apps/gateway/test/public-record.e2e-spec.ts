import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import {
  type AnnouncementDto,
  type CenterDto,
  CenterRevoked,
  createEvent,
  EvaluationGraded,
  type PublicCenterDto,
} from '@tic/contracts';
import { addDays } from '@tic/domain';
import { newId as uuidv7 } from '@tic/platform';
import { eventually, publishEvents } from '@tic/testing';

import {
  approveOnceNoticeEnds,
  ORGS,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';
import { call, PlatformWorld } from './platform/platform-world';

// Redis database index reserved for this file.
const REDIS_DB = 7;

type Page<T> = { items: T[]; nextCursor?: string };
type Statistics = Record<'byCity' | 'byField' | 'byStatus' | 'byYear', { key: string; count: number }[]> & {
  total: number;
};

/** The text of a PDF, as pdfjs-dist extracts it (in a Node process of its own: it is an ES module). */
const pdfText = (pdf: Buffer): string =>
  execFileSync(process.execPath, [join(__dirname, 'support', 'pdf-text.mjs')], { input: pdf }).toString();

const download = async (world: PlatformWorld, path: string, token?: string) => {
  const response = await fetch(`${world.gatewayUrl}/api/v1${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
};

describe('issue 11, the public record: directory, announcements (公告) and their PDF without a token, the registry for DST (gateway, applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let center: CenterDto;
  let applicationId = '';

  beforeAll(async () => {
    world = await PlatformWorld.start('public-record', REDIS_DB);
    tokens = await tokensFor(world);
    const opened = await call(world, 'POST', '/calls', {
      token: tokens.dst,
      body: { year: 2027, title: '公开名录', opensOn: addDays(today(), -1), closesOn: addDays(today(), 30) },
    });
    expect(opened.status).toBe(201);
    let application = await shortlisted(world, tokens);
    await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    application = await approveOnceNoticeEnds(world, tokens, application);
    application = await step(world, tokens.dst, application, 'file');
    applicationId = application.id;
    center = (await call<CenterDto>(world, 'GET', `/centers/${application.centerId ?? ''}`, { token: tokens.dst }))
      .body;
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const approval = () =>
    eventually(async () => {
      const page = await call<Page<AnnouncementDto>>(world, 'GET', '/public/announcements?kind=approval');
      expect(page.status).toBe(200);
      const found = page.body.items.find((a) => a.centerId === center.id);
      expect(found).toBeDefined();
      return found as AnnouncementDto;
    }, 20_000);

  it('announces a filed approval without a token, with its date, and nothing personal nor of the application', async () => {
    const announced = await approval();
    expect(announced).toMatchObject({
      kind: 'approval',
      centerName: center.name,
      announcedOn: center.establishedOn,
      pdf: true,
      details: {
        field: center.field,
        supportingUnit: '辽宁示范智能装备股份有限公司',
        establishedOn: center.establishedOn,
      },
    });
    const one = await call<AnnouncementDto>(world, 'GET', `/public/announcements/${announced.id}`);
    expect(one.body).toEqual(announced);
    const text = JSON.stringify(one.body);
    for (const hidden of [applicationId, center.constructionUnitId, center.recommenderId])
      expect(text).not.toContain(hidden);

    const year = Number(center.establishedOn.slice(0, 4));
    const thisYear = await call<Page<AnnouncementDto>>(world, 'GET', `/public/announcements?year=${year}`);
    expect(thisYear.body.items.map((a) => a.id)).toContain(announced.id);
    const otherYear = await call<Page<AnnouncementDto>>(world, 'GET', `/public/announcements?year=${year - 5}`);
    expect(otherYear.body.items).toEqual([]);
  });

  it('renders the approval notice as a PDF in Chinese whose text shows the center’s name and the date', async () => {
    const announced = await approval();
    const pdf = await download(world, `/public/announcements/${announced.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.body).replace(/\s+/g, '');
    expect(text).toContain(center.name.zh);
    expect(text).toContain(center.establishedOn);
    const [y, m, d] = center.establishedOn.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
  });

  it('lists the center in the public directory without a token: names, field, supporting unit, city, status, date; filterable', async () => {
    const listed = await call<Page<PublicCenterDto>>(
      world,
      'GET',
      `/public/centers?q=${encodeURIComponent(center.name.zh)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      {
        id: center.id,
        name: center.name,
        field: center.field,
        supportingUnit: '辽宁示范智能装备股份有限公司',
        city: expect.objectContaining({ code: center.regionCode.slice(0, 4) }),
        status: center.status,
        establishedOn: center.establishedOn,
        lastEvaluation: null,
      },
    ]);
    const ids = async (query: string) =>
      (await call<Page<PublicCenterDto>>(world, 'GET', `/public/centers?${query}`)).body.items.map((c) => c.id);
    expect(await ids(`city=${center.regionCode.slice(0, 4)}&status=${center.status}`)).toContain(center.id);
    expect(await ids(`city=${center.regionCode.startsWith('2102') ? '2101' : '2102'}`)).not.toContain(center.id);
    expect(await ids('status=revoked')).not.toContain(center.id);
    expect(await ids(`field=${encodeURIComponent(center.field.zh)}`)).toContain(center.id);
    expect(await ids('q=nothing-by-this-name')).toEqual([]);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, path] of [
      ['city=9999', 'city'],
      ['kind=decree', 'kind'],
      ['limit=0', 'limit'],
    ] as const) {
      const route = path === 'kind' ? '/public/announcements' : '/public/centers';
      const refused = await call<{ errors: { path: string }[] }>(world, 'GET', `${route}?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e) => e.path)).toContain(path);
    }
    const unknown = await call(world, 'GET', `/public/announcements/${uuidv7()}`);
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'announcement.not_found',
    });
  });

  it('keeps the last evaluation grade from tic.evaluation.graded and announces the result, as a list line without a PDF', async () => {
    const gradedOn = today();
    const evaluationId = uuidv7();
    const event = createEvent(EvaluationGraded, {
      id: uuidv7(),
      subject: evaluationId,
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: { evaluationId, roundId: uuidv7(), centerId: center.id, score: 84, grade: 'good', gradedOn },
    });
    await publishEvents(world.nats, [event], 'evaluations');
    const listed = await eventually(async () => {
      const page = await call<Page<PublicCenterDto>>(
        world,
        'GET',
        `/public/centers?q=${encodeURIComponent(center.name.zh)}`,
      );
      expect(page.body.items[0]?.lastEvaluation).toEqual({ grade: 'good', gradedOn });
      return page.body.items[0];
    }, 20_000);
    expect(listed?.id).toBe(center.id);
    const results = await call<Page<AnnouncementDto>>(world, 'GET', '/public/announcements?kind=evaluation_result');
    const result = results.body.items.find((a) => a.centerId === center.id);
    expect(result).toMatchObject({ id: event.id, pdf: false, details: { grade: 'good', gradedOn } });
    expect(result?.details).not.toHaveProperty('score');
    const noPdf = await call(world, 'GET', `/public/announcements/${event.id}/pdf`);
    expect({ status: noPdf.status, code: noPdf.body.code }).toEqual({ status: 404, code: 'announcement.no_document' });
  });

  it('exports the registry as a workbook with one row per center, and statistics that add up, for DST and the committee office', async () => {
    const statistics = await call<Statistics>(world, 'GET', '/centers/statistics', { token: tokens.dst });
    expect(statistics.status).toBe(200);
    const { total } = statistics.body;
    expect(total).toBeGreaterThanOrEqual(1);
    for (const buckets of [
      statistics.body.byCity,
      statistics.body.byField,
      statistics.body.byStatus,
      statistics.body.byYear,
    ]) {
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(total);
    }
    expect(statistics.body.byYear).toContainEqual(expect.objectContaining({ key: center.establishedOn.slice(0, 4) }));

    const exported = await download(world, '/centers/export', tokens.dst);
    expect(exported.status).toBe(200);
    expect(exported.type).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('技术创新中心名录');
    expect((sheet?.rowCount ?? 0) - 1).toBe(total);
    const names: unknown[] = [];
    sheet?.eachRow((row, n) => n > 1 && names.push(row.getCell(2).value));
    expect(names).toContain(center.name.zh);

    const office = await world.token('committee_office', ORGS.committeeOffice);
    expect((await call(world, 'GET', '/centers/statistics', { token: office })).status).toBe(200);
    expect((await download(world, '/centers/export', office)).status).toBe(200);
  });

  it('refuses the export and the statistics to any other role, and to anyone without a token', async () => {
    for (const token of [tokens.supporting, tokens.recommender, tokens.construction]) {
      for (const path of ['/centers/export', '/centers/statistics']) {
        const refused = await call(world, 'GET', path, { token });
        expect({ status: refused.status, code: refused.body.code }).toEqual({
          status: 403,
          code: 'auth.role_not_allowed',
        });
      }
    }
    expect((await call(world, 'GET', '/centers/statistics')).status).toBe(401);
  });
  // The revocation workflow (A31) is another branch's: this stands in for it with the event it will publish,
  // the center's third (established, filed, revoked).
  it('announces a revocation decision from tic.center.revoked, and renders it as a PDF', async () => {
    const revokedOn = today();
    const event = createEvent(CenterRevoked, {
      id: uuidv7(),
      subject: center.id,
      time: new Date().toISOString(),
      aggregateVersion: 3,
      data: {
        centerId: center.id,
        name: center.name,
        ground: 5,
        grounds: [5],
        article: '第三十一条',
        reason: '依托单位申请放弃技术创新中心资格',
        revokedOn,
        actor: { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' },
      },
    });
    await publishEvents(world.nats, [event], 'applications');
    const announced = await eventually(async () => {
      const page = await call<Page<AnnouncementDto>>(world, 'GET', '/public/announcements?kind=revocation');
      expect(page.body.items.map((a) => a.id)).toContain(event.id);
      return page.body.items.find((a) => a.id === event.id);
    }, 20_000);
    expect(announced).toMatchObject({
      kind: 'revocation',
      centerName: center.name,
      announcedOn: revokedOn,
      pdf: true,
      details: { grounds: [5], article: '第三十一条', revokedOn },
    });
    const pdf = await download(world, `/public/announcements/${event.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body).replace(/\s+/g, '');
    expect(text).toContain(`关于撤销${center.name.zh}的决定`);
    expect(text).toContain(revokedOn);
    expect(text).toContain('第三十一条第（5）项');
  });
});
