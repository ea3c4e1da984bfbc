import { randomUUID } from 'node:crypto';

import { type ApplicationDto, type CenterDto, createEvent, ReportOverdue, type RevocationDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { FOREIGN_ORGS } from './matrix/worlds';
import { call, PlatformWorld } from './platform/platform-world';
import {
  approveOnceNoticeEnds,
  ORGS,
  publishNotice,
  shortlisted,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';

// Redis database index reserved for this file.
const REDIS_DB = 6;

// Fields the demo expert pool covers (智能制造, 海洋工程), each named apart from the others (A37).

const FORMAL = { zh: '智能制造撤销旅程', en: 'Intelligent Manufacturing Revocation Journey' };
const PREPARING = { zh: '海洋工程筹建旅程', en: 'Ocean Engineering Preparation Journey' };

type Problem = { code?: string; article?: string; rule?: string };

describe('A31 revocation, A33 graduation, A12 end of preparation through the gateway (applications and personnel as processes)', () => {
  let world: PlatformWorld;
  let tokens: Tokens;
  let foreignSupporting: string;
  let centerId = '';
  let preparingId = '';

  beforeAll(async () => {
    world = await PlatformWorld.start('revocation', REDIS_DB);
    tokens = await tokensFor(world);
    foreignSupporting = await world.token('supporting_unit', FOREIGN_ORGS.supporting);
    const formal = await shortlisted(world, tokens, FORMAL);
    let preparing = await shortlisted(world, tokens, PREPARING, { requestedTrack: 'preparation' });
    const waived = await call<ApplicationDto>(world, 'POST', `/applications/${preparing.id}/waivers`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${preparing.version}"` },
      body: { rule: 'A12-relaxed', reason: '未来产业，先行筹建' },
    });
    expect(waived.status).toBe(201);
    preparing = waived.body;
    await publishNotice(world, tokens, [formal.id, preparing.id], addDays(today(), -10));
    centerId = (await approveOnceNoticeEnds(world, tokens, formal)).centerId ?? '';
    const current = await call<ApplicationDto>(world, 'GET', `/applications/${preparing.id}`, { token: tokens.dst });
    const approved = await call<ApplicationDto>(world, 'POST', `/applications/${preparing.id}/approval`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${current.body.version}"` },
      body: { track: 'preparation' },
    });
    expect(approved.status).toBe(200);
    preparingId = approved.body.centerId ?? '';
  }, 240_000);

  afterAll(async () => {
    await world?.stop();
  });

  const cases = async (status?: string) =>
    (
      await call<{ items: RevocationDto[] }>(
        world,
        'GET',
        `/revocations?centerId=${centerId}${status ? `&status=${status}` : ''}`,
        { token: tokens.dst },
      )
    ).body.items;
  const act = (token: string, c: { id: string; version: number }, step: string, body: unknown) =>
    call<RevocationDto & Problem>(world, 'POST', `/revocations/${c.id}/${step}`, {
      token,
      headers: { 'if-match': `W/"${c.version}"` },
      body,
    });
  const center = async (id: string) =>
    (await call<CenterDto>(world, 'GET', `/centers/${id}`, { token: tokens.dst })).body;

  let proposal: RevocationDto;
  let givenUp: RevocationDto;

  it('A31(三): tic.report.overdue on the stream proposes a case; DST confirms it with the day to answer by', async () => {
    await publishEvents(
      world.nats,
      [
        createEvent(ReportOverdue, {
          id: randomUUID(),
          subject: randomUUID(),
          time: new Date().toISOString(),
          aggregateVersion: 1,
          data: { centerId, reportYear: 2025, dueOn: '2026-03-31' },
        }),
      ],
      'evaluations',
    );
    const [proposed] = await eventually(
      async () => {
        const items = await cases('proposed');
        expect(items).toHaveLength(1);
        return items;
      },
      30_000,
      250,
    );
    expect(proposed).toMatchObject({ grounds: [3], origin: 'annual_report', articles: ['第三十一条第（三）项'] });
    const confirmed = await act(tokens.dst, proposed!, 'confirm', { answerBy: addDays(today(), 20) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'open', answerBy: addDays(today(), 20), openedOn: today() });
    proposal = confirmed.body;
  });

  it('A31: DST decides only once the units answered or their period ended (422 naming the article)', async () => {
    const early = await act(tokens.dst, proposal, 'decide', { outcome: 'revoke', reason: '拒不提交年度报告' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'A31-revocation', article: '第三十一条' });
  });

  it('A31(五): a foreign supporting unit can neither give up nor answer for the center (404), and nothing changes', async () => {
    const before = await cases();
    const refused = await call<Problem>(world, 'POST', `/centers/${centerId}/give-up`, {
      token: foreignSupporting,
      body: { statement: '申请放弃资格' },
    });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('center.not_found');
    const answered = await act(foreignSupporting, proposal, 'answer', { statement: '陈述意见' });
    expect(answered.status).toBe(404);
    expect(answered.body.code).toBe('revocation.not_found');
    expect(await cases()).toEqual(before);
  });

  it('A31(五): the supporting unit gives the center up, answers, DST revokes: tic.center.revoked carries the grounds', async () => {
    const opened = await call<RevocationDto>(world, 'POST', `/centers/${centerId}/give-up`, {
      token: tokens.supporting,
      body: { statement: '依托单位战略调整，申请放弃辽宁省技术创新中心资格。' },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ grounds: [5], status: 'open', origin: 'give_up', openedOn: today() });
    const answered = await act(tokens.supporting, opened.body, 'answer', { statement: '确认放弃，无其他意见。' });
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toMatchObject({ statement: '确认放弃，无其他意见。', answeredOn: today() });
    const revoked = await act(tokens.dst, answered.body, 'decide', {
      outcome: 'revoke',
      reason: '依托单位申请放弃资格，予以撤销。',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', decision: { outcome: 'revoke', decidedOn: today() } });
    expect(revoked.body.history.map((h) => h.action)).toEqual(['open', 'answer', 'revoke']);
    givenUp = revoked.body;
    expect((await center(centerId)).status).toBe('revoked');

    await eventually(
      async () => {
        const events = (await readAllEvents(world.nats)).filter((e) => e.subject === centerId);
        expect(events.find((e) => e.type === 'tic.center.revoked')?.data).toMatchObject({
          ground: 5,
          grounds: [5],
          article: '第三十一条第（五）项',
          caseId: givenUp.id,
          revokedOn: today(),
        });
        expect(events.find((e) => e.type === 'tic.center.status_changed')?.data).toMatchObject({
          from: 'operating',
          to: 'revoked',
          action: 'revoke',
        });
      },
      20_000,
      250,
    );
  });

  it('A31: DST files the revocation with the committee office, who reads the case; the history stays readable', async () => {
    const filed = await act(tokens.dst, givenUp, 'filing', { documentRef: '辽科发〔2026〕77号' });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({
      status: 'filed',
      filing: { filedOn: today(), documentRef: '辽科发〔2026〕77号' },
    });
    const office = await world.token('committee_office', ORGS.committeeOffice);
    const read = await call<RevocationDto>(world, 'GET', `/revocations/${givenUp.id}`, { token: office });
    expect(read.status).toBe(200);
    expect(read.body.history.map((h) => h.action)).toEqual(['open', 'answer', 'revoke', 'file']);
  });

  it('A31: a revoked center takes no further command that changes it (409 naming the article)', async () => {
    const current = (await cases('open')).find((c) => c.id === proposal.id)!;
    const decided = await act(tokens.dst, current, 'decide', { outcome: 'close', reason: '中心已撤销' });
    expect(decided.status).toBe(409);
    expect(decided.body).toMatchObject({ code: 'revocation.center_revoked', article: '第三十一条' });
    const revoked = await center(centerId);
    const graduation = await call<Problem>(world, 'POST', `/centers/${centerId}/graduation`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${revoked.version}"` },
      body: { nationalPlatform: '国家技术创新中心', graduatedOn: today() },
    });
    expect(graduation.status).toBe(409);
    expect(graduation.body).toMatchObject({ code: 'revocation.center_revoked', article: '第三十一条' });
    const giveUp = await call<Problem>(world, 'POST', `/centers/${centerId}/give-up`, {
      token: tokens.supporting,
      body: { statement: '再次申请放弃' },
    });
    expect(giveUp.status).toBe(409);
    expect((await center(centerId)).version).toBe(revoked.version);
  });

  it('A12, A33: DST ends the preparation (operating), then records the graduation; both are on the stream', async () => {
    let prepared = await center(preparingId);
    expect(prepared.status).toBe('preparing');
    const ended = await call<CenterDto>(world, 'POST', `/centers/${preparingId}/preparation-end`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${prepared.version}"` },
      body: { outcome: 'operating', decidedOn: today(), reason: '筹建期评估符合建设条件' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('operating');
    prepared = ended.body;
    const graduated = await call<CenterDto>(world, 'POST', `/centers/${preparingId}/graduation`, {
      token: tokens.dst,
      headers: { 'if-match': `W/"${prepared.version}"` },
      body: { nationalPlatform: '国家技术创新中心', graduatedOn: today() },
    });
    expect(graduated.status).toBe(200);
    expect(graduated.body.status).toBe('graduated');
    await eventually(
      async () => {
        const events = (await readAllEvents(world.nats)).filter((e) => e.subject === preparingId);
        expect(events.filter((e) => e.type === 'tic.center.status_changed').map((e) => e.data)).toEqual([
          expect.objectContaining({ from: 'preparing', to: 'operating', action: 'complete_preparation' }),
          expect.objectContaining({ from: 'operating', to: 'graduated', action: 'graduate' }),
        ]);
        expect(events.find((e) => e.type === 'tic.center.graduated')?.data).toMatchObject({
          nationalPlatform: '国家技术创新中心',
          graduatedOn: today(),
        });
      },
      20_000,
      250,
    );
  });

  it('the personnel registry follows: the revoked and the graduated centers are closed platforms', async () => {
    await eventually(
      async () => {
        for (const id of [centerId, preparingId]) {
          const platform = await call<{ status: string }>(world, 'GET', `/platforms/${id}`, { token: tokens.dst });
          expect(platform.body.status).toBe('closed');
        }
      },
      20_000,
      250,
    );
  });
});
