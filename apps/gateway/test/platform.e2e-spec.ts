import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';

import type { ApplicationDto, CloudEvent, NoticeDto } from '@tic/contracts';
import { addDays } from '@tic/domain';
import { eventually, readAllEvents } from '@tic/testing';

import { call, PlatformWorld } from './platform/platform-world';
import { csvOf, residentId, XLSX, xlsxOf } from './support/rosters';
import {
  draft,
  ORGS,
  approveOnceNoticeEnds,
  publishNotice,
  shortlisted,
  step,
  today,
  tokensFor,
  type Tokens,
} from './platform/journey';

// Redis database index reserved for this file: the flush test empties it and nothing else.
const REDIS_DB = 12;

describe('the platform end to end: gateway, applications and personnel services as processes on real Postgres, NATS JetStream and Redis', () => {
  let world: PlatformWorld;
  let tokens: Tokens;

  beforeAll(async () => {
    world = await PlatformWorld.start('e2e', REDIS_DB);
    tokens = await tokensFor(world);
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  const eventsAbout = async (subject: string): Promise<CloudEvent[]> =>
    (await readAllEvents(world.nats)).filter((e) => e.subject === subject);

  it('takes an application from draft to a filed center with each role’s token; a consumer sees its events in order, once each', async () => {
    let application = await shortlisted(world, tokens);
    expect(application.status).toBe('shortlisted');

    // Recorded ten days after it went up on DST's website, the notice has run its five working days.
    const notice = await publishNotice(world, tokens, [application.id], addDays(today(), -10));
    const publicView = await call<{ items: NoticeDto[] }>(world, 'GET', '/public/notices?includeEnded=true');
    expect(publicView.body.items.some((n) => n.id === notice.id)).toBe(true);

    application = await approveOnceNoticeEnds(world, tokens, application);
    application = await step(world, tokens.dst, application, 'file');
    expect(application.status).toBe('filed');

    const center = await call<{ name: { zh: string }; status: string; filedOn: string }>(
      world,
      'GET',
      `/centers/${application.centerId ?? ''}`,
      { token: tokens.supporting },
    );
    expect(center.body).toMatchObject({
      name: { zh: '辽宁省智能制造技术创新中心' },
      status: 'operating',
      filedOn: today(),
    });

    const events = await eventually(async () => {
      const mine = await eventsAbout(application.id);
      expect(mine.map((e) => e.type)).toEqual([
        'tic.application.submitted',
        'tic.application.supporting_review_passed',
        'tic.application.recommended',
        'tic.application.formal_review_passed',
        'tic.application.shortlisted',
        'tic.application.approved',
      ]);
      return mine;
    });
    expect(events.map((e) => e.aggregateversion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await eventsAbout(application.centerId ?? '')).map((e) => e.type)).toEqual([
      'tic.center.established',
      'tic.center.filed',
    ]);

    // DST's Excel export of the filed applications.
    const exported = await fetch(`${world.gatewayUrl}/api/v1/applications/export?status=filed`, {
      headers: { authorization: `Bearer ${tokens.dst}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await exported.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // Agencies' catch-up read of the feed carries the same events once the notifications service has
    // recorded them: it drains the stream on its own, behind the commands (far behind on a loaded machine).
    await eventually(
      async () => {
        expect(await feedIds()).toEqual(expect.arrayContaining(events.map((e) => e.id)));
      },
      90_000,
      500,
    );
  }, 300_000);

  /** Every event id of the feed, page after page, as an agency catching up reads it. */
  async function feedIds(): Promise<string[]> {
    const ids: string[] = [];
    for (let after = '0'; ;) {
      const page = await call<{ events: { id: string }[]; nextCursor: string }>(
        world,
        'GET',
        `/events?after=${after}&limit=500`,
        { token: tokens.dst },
      );
      expect(page.status).toBe(200);
      ids.push(...page.body.events.map((e) => e.id));
      if (page.body.events.length === 0) return ids;
      after = page.body.nextCursor;
    }
  }

  it('imports and checks rosters uploaded as files through the personnel service, rows numbered by the file’s lines', async () => {
    const upload = async (path: string, contentType: string, body: Buffer) => {
      const response = await fetch(`${world.gatewayUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.dst}`, 'content-type': contentType },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const register = async (name: string) => {
      const platform = await call<{ id: string }>(world, 'POST', '/platforms', {
        token: tokens.dst,
        body: { name, kind: 'key_laboratory', supportingUnitId: ORGS.supporting },
      });
      expect(platform.status).toBe(201);
      return platform.body.id;
    };
    const lab = await register('辽宁省端到端名单重点实验室');
    const other = await register('辽宁省端到端查重重点实验室');

    // 2,100 fixed staff of the first laboratory, from a workbook: two requests, 2,000 lines and 100.
    const staff = Array.from({ length: 2_100 }, (_, i) => [
      `实验室职工${i + 1}`,
      residentId(60_000 + i),
      '固定',
      '研究人员',
      new Date(Date.UTC(2026, 0, 5)),
    ]);
    const imported = await upload(
      `/platforms/${lab}/roster`,
      XLSX,
      await xlsxOf(['姓名', '公民身份号码', '人员类型', '角色', '起始日期'], staff),
    );
    expect(imported).toEqual({ status: 200, body: { imported: 2_100, updated: 0, problems: [] } });

    // The second laboratory's roster names two of them, one number badly and one twice; rows are
    // reported as the spreadsheet numbers them, the header being row 1.
    const lines: (string | number)[][] = Array.from({ length: 2_500 }, (_, i) => [
      `查重职工${i + 1}`,
      residentId(70_000 + i),
      '固定',
    ]);
    lines[1_499] = ['实验室职工10', residentId(60_009), '固定'];
    lines[2_299] = ['实验室职工2050', residentId(60_000 + 2_049), '固定'];
    lines[2_199] = [
      '号码有误',
      `${residentId(70_000 + 2_199).slice(0, 17)}${residentId(70_000 + 2_199).endsWith('0') ? '1' : '0'}`,
      '固定',
    ];
    lines[2_399] = ['重复职工', residentId(70_002), '固定'];
    const checked = await upload(
      `/roster-checks?platformId=${other}`,
      'text/csv',
      csvOf(['姓名', '身份证号', '人员类型'], lines),
    );
    expect(checked.status).toBe(200);
    expect(checked.body.checked).toBe(2_499);
    expect((checked.body.conflicts as { row: number; platformId: string }[]).map((c) => [c.row, c.platformId])).toEqual(
      [
        [1_501, lab],
        [2_301, lab],
      ],
    );
    expect((checked.body.problems as { row: number; path: string }[]).map((p) => `${p.row} ${p.path}`)).toEqual([
      '2201 idNumber',
      '2401 idNumber',
    ]);
  }, 60_000);

  it('refuses other organizations, wrong roles, invalid bodies, hard rules and stale versions as problem+json', async () => {
    const application = await draft(world, tokens);
    const other = await call(world, 'GET', `/applications/${application.id}`, { token: tokens.otherConstruction });
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const wrongRole = await call(world, 'POST', '/calls', {
      token: tokens.construction,
      body: { year: 2027, title: '越权发布', opensOn: today(), closesOn: today() },
    });
    expect(wrongRole.status).toBe(403);

    const invalid = await call<{ errors: { path: string }[] }>(world, 'POST', '/applications', {
      token: tokens.construction,
      body: { callId: 'x', areaM2: -1 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['callId', 'areaM2', 'field']));

    const stale = await call(world, 'POST', `/applications/${application.id}/transitions`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${application.version + 1}"` },
      body: { action: 'submit' },
    });
    expect(stale.status).toBe(409);

    const notRecommender = await call(world, 'POST', `/applications/${application.id}/transitions`, {
      token: tokens.supporting,
      headers: { 'if-match': `W/"${application.version}"` },
      body: { action: 'recommend' },
    });
    expect([403, 409]).toContain(notRecommender.status);

    const noLeader = await call<ApplicationDto>(world, 'PUT', `/applications/${application.id}`, {
      token: tokens.construction,
      headers: { 'if-match': `W/"${application.version}"` },
      body: { ...application, technicalLeaders: 0 },
    });
    expect(noLeader.status).toBe(200);
    const refused = await call<{ rule: string; article: string; title: string }>(
      world,
      'POST',
      `/applications/${application.id}/transitions`,
      {
        token: tokens.construction,
        headers: { 'if-match': `W/"${noLeader.body.version}"`, 'accept-language': 'en' },
        body: { action: 'submit' },
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'A12.4-staff', article: '第十二条第（四）项' });
  }, 60_000);

  it('takes no trace context from a client: a malformed traceparent breaks no command, and a well-formed one reaches no event', async () => {
    const sent = ['not-a-traceparent', `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01`];
    for (const [i, traceparent] of sent.entries()) {
      const registered = await call<{ id: string }>(world, 'POST', '/organizations', {
        token: tokens.dst,
        headers: { traceparent },
        body: { name: `辽宁追踪上下文研究院${i}`, kind: 'research_institute', legalPerson: true },
      });
      expect(registered.status).toBe(201);
      const events = await eventually(async () => {
        const found = await eventsAbout(registered.body.id);
        expect(found).toHaveLength(1);
        return found;
      });
      // Tracing is off in this world: the event carries no trace at all, the client's least of all.
      expect(events[0]?.traceparent).toBeUndefined();
    }
  }, 60_000);

  it('DOMAIN.md §1: refuses a token whose role does not fit its organization as the applications service registers it', async () => {
    for (const [role, org] of [
      ['dst_admin', ORGS.supporting],
      ['recommender', ORGS.construction],
      ['supporting_unit', ORGS.construction],
      ['construction_unit', '0192f6a0-7c1e-7d2a-9b3c-00000000abcd'],
    ] as const) {
      const refused = await call<{ code: string; detail: string }>(world, 'GET', '/organizations', {
        token: await world.token(role, org),
      });
      expect({ role, status: refused.status, code: refused.body.code }).toEqual({
        role,
        status: 403,
        code: 'auth.role_does_not_fit_organization',
      });
      expect(refused.body.detail).toContain(role);
    }
    const office = await call(world, 'GET', '/organizations', {
      token: await world.token('committee_office', ORGS.committeeOffice),
    });
    expect(office.status).toBe(200);
  }, 60_000);

  it('publishes an event committed just before a crash exactly once, when the service comes back', async () => {
    await world.applications?.stop();
    await world.startApplications({ OUTBOX_RELAY: 'false' });
    const application = await draft(world, tokens);
    const submitted = await step(world, tokens.construction, application, 'submit');
    expect(submitted.status).toBe('supporting_review');

    const db = new Client({ connectionString: world.db.url });
    await db.connect();
    try {
      const waiting = await db.query(
        'select event_id from applications.outbox_event where subject = $1 and published_at is null',
        [application.id],
      );
      expect(waiting.rowCount).toBe(1);
      expect(await eventsAbout(application.id)).toEqual([]);

      await world.applications?.kill();
      await world.startApplications();
      const events = await eventually(async () => {
        const mine = await eventsAbout(application.id);
        expect(mine).toHaveLength(1);
        return mine;
      });
      expect(events[0]).toMatchObject({ id: waiting.rows[0].event_id, type: 'tic.application.submitted' });
      // The relay marks a row published after JetStream acknowledged it, so the mark may trail the stream.
      await eventually(async () => {
        const published = await db.query('select published_at from applications.outbox_event where subject = $1', [
          application.id,
        ]);
        expect(published.rows[0].published_at).not.toBeNull();
      });
    } finally {
      await db.end();
    }
  }, 120_000);

  it('brings back the public-notice job after Redis lost it, and the notice ends when its time comes', async () => {
    const application = await shortlisted(world, tokens);
    const notice = await publishNotice(world, tokens, [application.id], today());
    expect(notice.endsOn > today()).toBe(true);

    const db = new Client({ connectionString: world.db.url });
    await db.connect();
    const deadline = (
      await db.query("select id from applications.deadline where subject_id = $1 and kind = 'D-public-notice'", [
        notice.id,
      ])
    ).rows[0] as { id: string };
    await db.end();
    const redis = new Redis(world.redisUrl);
    const jobKeys = async () => (await redis.keys(`*deadlines-applications:${deadline.id}-due`)).length;
    await eventually(async () => {
      expect(await jobKeys()).toBe(1);
    });

    await redis.flushdb();
    expect(await jobKeys()).toBe(0);
    await world.applications?.kill();
    await world.startApplications();
    await eventually(async () => {
      expect(await jobKeys()).toBe(1);
    });

    // Ten days on (the service's clock moved, not waited for) the job, woken now, fires and the notice ends;
    // the sweep is held off so that it is the re-derived job that does it.
    await world.applications?.stop();
    await world.startApplications({ CLOCK_OFFSET_DAYS: '10', DEADLINE_SWEEP_INTERVAL_MS: '3600000' });
    const [key = ''] = await redis.keys(`*deadlines-applications:${deadline.id}-due`);
    const queue = new Queue('deadlines-applications', {
      connection: { url: world.redisUrl },
      prefix: key.split(':deadlines-applications:')[0] ?? '',
    });
    await (await queue.getJob(`${deadline.id}-due`))?.promote();
    await queue.close();
    await eventually(
      async () => {
        const ended = await eventsAbout(notice.id);
        expect(ended.map((e) => e.type)).toEqual(['tic.public_notice.started', 'tic.public_notice.ended']);
      },
      30_000,
      250,
    );
    const view = await call<{ items: NoticeDto[] }>(world, 'GET', '/public/notices?includeEnded=true');
    expect(view.body.items.find((n) => n.id === notice.id)?.status).toBe('ended');
    await redis.quit();
  }, 180_000);
});
