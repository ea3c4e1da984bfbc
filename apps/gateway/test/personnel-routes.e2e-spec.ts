import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import request from 'supertest';

import {
  CheckRoster,
  ImportPlatformRoster,
  journalRpc,
  OpenCall,
  ROSTER_BATCH_ROWS,
  RevealIdentityNumber,
  type RpcDefinition,
} from '@tic/contracts';
import { ROLES, type Role } from '@tic/domain';
import { eventually, freePort, startServiceProcess, type ServiceProcess } from '@tic/testing';

import { deleteKeys, TEST_REDIS_URL } from './support/gateway-harness';
import { STAND_IN_PLATFORM_ID } from './support/personnel-stand-in';
import { csvOf, residentId, rosterLines, XLSX, xlsxOf } from './support/rosters';
import { startWorld, type TestWorld } from './support/test-world';

const PROBLEM = /^application\/problem\+json/;
const CHECK_HEADER = ['姓名', '公民身份号码', '人员类型'];

interface Operation {
  readonly 'x-roles'?: string[];
  readonly 'x-rpc-subject'?: string;
}

describe('personnel routes at the gateway (stand-in personnel service, real NATS and Redis)', () => {
  let world: TestWorld;
  const org = randomUUID();
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    world = await startWorld();
    for (const role of ROLES)
      tokens.set(role, await world.keys.sign({ sub: `${role}-${randomUUID()}`, name: `${role}用户`, role, org }));
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const http = () => request(world.gateway.url);
  const as = (role: Role) => `Bearer ${tokens.get(role) ?? ''}`;
  const payloads = (definition: RpcDefinition) =>
    (world.state.payloads.get(definition.subject) ?? []) as Record<string, unknown>[];

  describe('roles', () => {
    it('refuses anonymous callers (401) and roles outside the list (403) on every personnel route, before any RPC', async () => {
      const paths = (await http().get('/docs-json').expect(200)).body.paths as Record<
        string,
        Record<string, Operation>
      >;
      const personnel = Object.entries(paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op['x-rpc-subject']?.startsWith('tic.rpc.personnel.'))
          .map(([method, op]) => ({ path, method, op })),
      );
      expect(personnel).toHaveLength(22);
      const callsBefore = [...world.state.calls.values()].reduce((a, b) => a + b, 0);
      const wrong: string[] = [];
      for (const { path, method, op } of personnel) {
        const url = path.replace(/\{[^}]+\}/g, '0192f6a0-7c1e-7d2a-9b3c-0000000000ff');
        const call = (role?: Role) => {
          const req =
            method === 'get'
              ? http().get(url)
              : method === 'put'
                ? http().put(url).send({})
                : http().post(url).send({});
          return role ? req.set('authorization', as(role)) : req;
        };
        if ((await call()).status !== 401) wrong.push(`${method} ${path} anonymous`);
        for (const role of ROLES.filter((r) => !op['x-roles']?.includes(r))) {
          if ((await call(role)).status !== 403) wrong.push(`${method} ${path} as ${role}`);
        }
      }
      expect(wrong).toEqual([]);
      expect([...world.state.calls.values()].reduce((a, b) => a + b, 0)).toBe(callsBefore);
    });

    it('lets the roles of a route through to the service', async () => {
      const id = randomUUID();
      await http().get(`/api/v1/people/${id}`).set('authorization', as('co_builder')).expect(200);

      const body = { reason: '核查重复任职' };
      const refused = await http()
        .post(`/api/v1/people/${id}/identity-reads`)
        .set('authorization', as('supporting_unit'))
        .send(body);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      const revealed = await http()
        .post(`/api/v1/people/${id}/identity-reads`)
        .set('authorization', as('dst_admin'))
        .send(body)
        .expect(200);
      expect(revealed.body).toMatchObject({ personId: id, idNumber: expect.stringMatching(/^\d{17}[\dX]$/) });
      expect(world.state.last(RevealIdentityNumber).context?.caller?.role).toBe('dst_admin');

      const check = { rows: [{ name: '张三', idNumber: residentId(1) }] };
      await http().post('/api/v1/roster-checks').set('authorization', as('co_builder')).send(check).expect(403);
      const checked = await http()
        .post('/api/v1/roster-checks')
        .set('authorization', as('recommender'))
        .send(check)
        .expect(200);
      expect(checked.body).toEqual({ checked: 1, conflicts: [], problems: [] });
      expect(world.state.last(CheckRoster).payload).toMatchObject({
        firstRow: 1,
        rows: [{ name: '张三', kind: 'fixed' }],
      });
    });
  });

  describe('roster uploads', () => {
    it('sends a 4,500-line CSV as batches of consecutive lines, each with its firstRow, and merges the replies', async () => {
      const lines = rosterLines(4_500, { 5: '重复甲', 2_003: '重复乙', 4_500: '重复丙' });
      const before = payloads(CheckRoster).length;
      const res = await http()
        .post(`/api/v1/roster-checks?platformId=${STAND_IN_PLATFORM_ID}`)
        .set('authorization', as('supporting_unit'))
        .set('content-type', 'text/csv; charset=utf-8')
        .send(
          csvOf(
            CHECK_HEADER,
            lines.map((l) => [l.name, l.idNumber, l.kind]),
          ),
        );
      expect(res.status).toBe(200);

      const batches = payloads(CheckRoster).slice(before) as {
        firstRow: number;
        platformId: string;
        rows: { name: string }[];
      }[];
      expect(batches.map((b) => [b.firstRow, b.rows.length])).toEqual([
        [2, 2_000],
        [2_002, 2_000],
        [4_002, 500],
      ]);
      expect(batches.every((b) => b.rows.length <= ROSTER_BATCH_ROWS && b.platformId === STAND_IN_PLATFORM_ID)).toBe(
        true,
      );
      expect(batches[1]?.rows[0]).toEqual({ name: '职工2001', idNumber: residentId(2_000), kind: 'fixed' });
      expect(res.body.checked).toBe(4_500);
      expect(
        (res.body as { conflicts: { row: number; name: string }[] }).conflicts.map((c) => [c.row, c.name]),
      ).toEqual([
        [6, '重复甲'],
        [2_004, '重复乙'],
        [4_501, '重复丙'],
      ]);
      expect(res.body.problems).toEqual([]);
    });

    it('numbers rows by the file’s lines across blank lines, and reports lines it cannot read without sending them', async () => {
      const lines = rosterLines(30, { 25: '重复丁' }).map(
        (l) => [l.name, l.idNumber, l.kind] as (string | number | undefined)[],
      );
      lines.splice(10, 0, ['', '', '']); // a blank line 12 (the header is line 1)
      lines[20] = ['职工20', residentId(19), '临时']; // line 22: a kind it does not know
      const before = payloads(CheckRoster).length;
      const res = await http()
        .post('/api/v1/roster-checks')
        .set('authorization', as('dst_admin'))
        .set('accept-language', 'en')
        .set('content-type', 'text/csv')
        .send(csvOf(CHECK_HEADER, lines));
      expect(res.status).toBe(200);
      const batches = payloads(CheckRoster).slice(before);
      expect(batches.map((b) => [b.firstRow, (b.rows as unknown[]).length])).toEqual([
        [2, 10],
        [13, 9],
        [23, 10],
      ]);
      expect(res.body).toMatchObject({
        checked: 29,
        conflicts: [{ row: 27, name: '重复丁' }],
        problems: [{ row: 22, path: 'kind', message: expect.stringContaining('fixed or floating') }],
      });
    });

    it('imports an XLSX roster the same way, with date cells, Chinese roles and the employer from the query', async () => {
      const employer = randomUUID();
      const lines = rosterLines(4_500, { 7: '已有甲', 4_001: '已有乙' });
      const rows = lines.map((l, i) => [
        l.name,
        l.idNumber,
        l.kind,
        i === 0 ? '主任' : '研究人员',
        new Date(Date.UTC(2027, 2, 1)),
        '副研究员',
      ]);
      rows[99] = ['职工100', Number('210102196001011234'), '固定', '技术人员', '2027/3/1', undefined]; // an ID number typed into a number cell
      const before = payloads(ImportPlatformRoster).length;
      const res = await http()
        .post(`/api/v1/platforms/${STAND_IN_PLATFORM_ID}/roster?employerOrgId=${employer}`)
        .set('authorization', as('dst_admin'))
        .set('content-type', XLSX)
        .send(await xlsxOf(['name', 'idNumber', 'kind', 'role', 'startsOn', 'title'], rows));
      expect(res.status).toBe(200);

      const batches = payloads(ImportPlatformRoster).slice(before) as {
        firstRow: number;
        platformId: string;
        employerOrgId: string;
        rows: Record<string, unknown>[];
      }[];
      expect(batches.map((b) => [b.firstRow, b.rows.length])).toEqual([
        [2, 99],
        [102, 2_000],
        [2_102, 2_000],
        [4_102, 400],
      ]);
      expect(batches.every((b) => b.platformId === STAND_IN_PLATFORM_ID && b.employerOrgId === employer)).toBe(true);
      expect(batches[0]?.rows[0]).toEqual({
        name: '职工1',
        idNumber: residentId(0),
        kind: 'floating',
        role: 'director',
        startsOn: '2027-03-01',
        title: '副研究员',
      });
      expect(res.body).toEqual({
        imported: 4_497,
        updated: 2,
        problems: [{ row: 101, path: 'idNumber', message: expect.stringContaining('文本') }],
      });
    });

    it('says from which row on an upload was not processed when the service refuses a later batch', async () => {
      const lines = rosterLines(4_500, { 2_500: '拒绝甲' });
      const before = payloads(ImportPlatformRoster).length;
      const res = await http()
        .post(`/api/v1/platforms/${STAND_IN_PLATFORM_ID}/roster`)
        .set('authorization', as('dst_admin'))
        .set('content-type', 'text/csv')
        .send(
          csvOf(
            [...CHECK_HEADER, '起始日期'],
            lines.map((l) => [l.name, l.idNumber, l.kind, '2027-03-01']),
          ),
        );
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ rule: 'A18-platform', detail: expect.stringContaining('第 2002 行起未处理') });
      expect(
        payloads(ImportPlatformRoster)
          .slice(before)
          .map((b) => b.firstRow),
      ).toEqual([2, 2_002]);
    });

    it('issue 9: a unit’s file without its platform is 403 roster.platform_required, before any RPC, even with no lines', async () => {
      const before = payloads(CheckRoster).length;
      for (const lines of [rosterLines(3), []]) {
        const res = await http()
          .post('/api/v1/roster-checks')
          .set('authorization', as('construction_unit'))
          .set('content-type', 'text/csv')
          .send(
            csvOf(
              CHECK_HEADER,
              lines.map((l) => [l.name, l.idNumber, l.kind]),
            ),
          );
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'roster.platform_required' });
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      expect(payloads(CheckRoster).length).toBe(before);
    });

    it('400 naming the missing column, before any RPC', async () => {
      const before = payloads(CheckRoster).length;
      const res = await http()
        .post(`/api/v1/roster-checks?platformId=${STAND_IN_PLATFORM_ID}`)
        .set('authorization', as('recommender'))
        .set('content-type', 'text/csv')
        .send(csvOf(['姓名', '人员类型'], [['张三', '固定']]));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.detail).toContain('公民身份号码');
      expect(res.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('公民身份号码') }]);
      const english = await http()
        .post(`/api/v1/roster-checks?platformId=${STAND_IN_PLATFORM_ID}`)
        .set('authorization', as('recommender'))
        .set('accept-language', 'en')
        .set('content-type', XLSX)
        .send(await xlsxOf(['name'], [['张三']]));
      expect(english.status).toBe(400);
      expect(english.body.detail).toContain('idNumber');
      expect(payloads(CheckRoster).length).toBe(before);
    });

    it('takes 50,000 lines (over the 1 MiB of JSON) on an upload route only', async () => {
      const lines = rosterLines(50_000);
      const res = await http()
        .post(`/api/v1/roster-checks?platformId=${STAND_IN_PLATFORM_ID}`)
        .set('authorization', as('construction_unit'))
        .set('content-type', 'text/csv')
        .send(
          csvOf(
            CHECK_HEADER,
            lines.map((l) => [l.name, l.idNumber, l.kind]),
          ),
        );
      expect(res.status).toBe(200);
      expect(res.body.checked).toBe(50_000);

      const bigJson = JSON.stringify({ rows: lines.slice(0, 20_000) });
      const json = await http()
        .post('/api/v1/roster-checks')
        .set('authorization', as('construction_unit'))
        .set('content-type', 'application/json')
        .send(bigJson);
      expect(json.status).toBe(413);

      const before = world.state.count(OpenCall);
      const elsewhere = await http()
        .post('/api/v1/calls')
        .set('authorization', as('dst_admin'))
        .set('content-type', 'text/csv')
        .send(csvOf(CHECK_HEADER, []));
      expect(elsewhere.status).toBe(415);
      expect(elsewhere.headers['content-type']).toMatch(PROBLEM);
      expect(world.state.count(OpenCall)).toBe(before);
    }, 120_000);
  });

  describe('readiness and the event journal include the personnel service', () => {
    it('checks personnel in /health/ready and reads its journal in GET /events', async () => {
      const ready = await http().get('/health/ready').expect(200);
      expect(ready.body.checks).toMatchObject({
        applications: { status: 'up' },
        personnel: { status: 'up', instance: 'stand-in:2' },
      });

      world.state.journals.personnel.push({
        id: randomUUID(),
        type: 'tic.personnel.director_changed',
        source: '/tic/personnel',
        time: '2027-05-01T08:00:00Z',
        position: '3',
      });
      const page = await http().get('/api/v1/events/journal').set('authorization', as('committee_office')).expect(200);
      expect(
        (page.body as { events: { source: string; position: string }[] }).events.map(
          (e) => `${e.source}@${e.position}`,
        ),
      ).toContain('/tic/personnel@3');
      expect(world.state.last(journalRpc('personnel')).payload).toMatchObject({ after: '0' });
    });
  });

  describe('privacy: no resident ID number in a problem or a log line (the gateway as a process, logging at trace)', () => {
    let gateway: ServiceProcess;
    let url: string;
    const redisPrefix = `tic:test:gateway:${randomUUID()}:`;

    beforeAll(async () => {
      const port = await freePort();
      gateway = await startServiceProcess(
        'gateway',
        join(__dirname, '..', 'dist', 'main.js'),
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          TIC_DEV: '1',
          LOG_LEVEL: 'trace',
          NATS_URL: world.nats.url,
          REDIS_URL: TEST_REDIS_URL,
          REDIS_KEY_PREFIX: redisPrefix,
          JWT_PUBLIC_KEY_FILE: world.keys.publicKeyFile,
        },
        port,
      );
      url = `http://127.0.0.1:${port}`;
    }, 60_000);

    afterAll(async () => {
      await gateway?.stop();
      await deleteKeys(redisPrefix);
    });

    it('keeps every number of the uploads out of problem bodies and out of the gateway’s log', async () => {
      const numbers = Array.from({ length: 6 }, (_, i) => residentId(40_000 + i));
      const wrongCheck = `${numbers[5]?.slice(0, 17) ?? ''}${numbers[5]?.endsWith('0') ? '1' : '0'}`;
      const send = (
        path: string,
        correlationId: string,
        contentType: string,
        body: string | Buffer | object,
        role: Role = 'dst_admin',
      ) =>
        request(url)
          .post(`/api/v1${path}`)
          .set('authorization', as(role))
          .set('x-correlation-id', correlationId)
          .set('content-type', contentType)
          .send(body);
      const problems: unknown[] = [];

      // A number in the wrong column, and a number stored as a number in a workbook: row problems, 200.
      const misplaced = await send(
        '/roster-checks',
        'privacy-1',
        'text/csv',
        csvOf(CHECK_HEADER, [
          ['张三', numbers[0], '固定'],
          ['李四', '固定', numbers[1]],
        ]),
      );
      expect(misplaced.status).toBe(200);
      expect(misplaced.body.problems).toEqual([expect.objectContaining({ row: 3, path: 'kind' })]);
      const numeric = await send(
        `/platforms/${STAND_IN_PLATFORM_ID}/roster`,
        'privacy-2',
        XLSX,
        await xlsxOf(['姓名', '身份证号', '起始日期'], [['王五', Number(numbers[2]?.slice(0, 17)), '2027-03-01']]),
      );
      expect(numeric.status).toBe(200);
      problems.push(misplaced.body, numeric.body);

      // Files it cannot read: an unclosed quote in an ID cell, CSV bytes sent as a workbook, no ID column.
      const unclosed = await send(
        '/roster-checks',
        'privacy-3',
        'text/csv',
        Buffer.from(`姓名,公民身份号码\n赵六,"${numbers[3] ?? ''}\n钱七,${numbers[4] ?? ''}\n`),
      );
      const notWorkbook = await send(
        '/roster-checks',
        'privacy-4',
        XLSX,
        csvOf(CHECK_HEADER, [['孙八', numbers[4], '固定']]),
      );
      const noColumn = await send(
        '/roster-checks',
        'privacy-5',
        'text/csv',
        csvOf(['姓名', '证件'], [['周九', numbers[4]]]),
      );
      // A number with a wrong check character, and a valid one, as JSON.
      const invalid = await send(
        '/people',
        'privacy-6',
        'application/json',
        { name: '吴十', idNumber: wrongCheck, employerOrgId: org },
        'supporting_unit',
      );
      const registered = await send(
        '/people',
        'privacy-7',
        'application/json',
        { name: '郑十一', idNumber: numbers[5], employerOrgId: org },
        'supporting_unit',
      );
      for (const refused of [unclosed, notWorkbook, noColumn, invalid]) {
        expect(refused.status).toBe(400);
        expect(refused.headers['content-type']).toMatch(PROBLEM);
        problems.push(refused.body);
      }
      expect(unclosed.body.errors).toEqual([{ path: 'file', message: expect.stringContaining('引号没有闭合') }]);
      expect(invalid.body.errors).toEqual([expect.objectContaining({ path: 'idNumber' })]);
      expect(registered.status).toBe(201);
      expect(registered.body.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      // The one reply that carries a number unmasked, by design; it must not reach the log either.
      const revealed = await send(`/people/${randomUUID()}/identity-reads`, 'privacy-8', 'application/json', {
        reason: '核查重复任职',
      });
      expect(revealed.status).toBe(200);

      const secrets = [...numbers, wrongCheck, String(revealed.body.idNumber)];
      const leaked = (text: string) => secrets.filter((n) => text.includes(n) || text.includes(n.slice(0, 17)));
      expect(leaked(JSON.stringify(problems))).toEqual([]);
      // Every request's line is in the log (written asynchronously) before it is searched.
      const log = await eventually(() => {
        const output = gateway.output();
        for (let i = 1; i <= 8; i++) expect(output).toContain(`"id":"privacy-${i}"`);
        return output;
      });
      expect(leaked(log)).toEqual([]);
    });
  });
});
