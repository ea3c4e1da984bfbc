import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';

import ExcelJS from 'exceljs';
import request from 'supertest';

import { CheckRoster } from '@tic/contracts';

import { startGateway } from './support/gateway-harness';
import { STAND_IN_PLATFORM_ID } from './support/personnel-stand-in';
import { csvOf, rosterLines, XLSX, xlsxOf } from './support/rosters';
import { startWorld, type TestWorld } from './support/test-world';
import { zipBomb } from './support/zip-bomb';

const HEADER = ['姓名', '公民身份号码', '人员类型'];

/** Sends the headers and the first `sent` bytes of a body announced as `announced` bytes, and waits for an answer. */
function partialUpload(url: string, token: string, announced: number, sent: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/v1/roster-checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': announced },
    });
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on('error', reject);
    req.write(Buffer.alloc(sent, 0x41));
    // The rest of the body never comes: only a server that answers before reading it answers at all.
    setTimeout(() => {
      reject(new Error('no answer while the body was incomplete'));
      req.destroy();
    }, 10_000).unref();
  });
}

describe('upload limits and authentication before the body (stand-in service, real NATS and Redis)', () => {
  let world: TestWorld;
  let token: string;

  beforeAll(async () => {
    world = await startWorld();
    token = await world.keys.sign({
      sub: `u-${randomUUID()}`,
      name: '推荐单位用户',
      role: 'recommender',
      org: randomUUID(),
    });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  // A recommender checks the roster of a platform in its jurisdiction (issue 9).
  const upload = (mediaType: string, body: Buffer) =>
    request(world.gateway.url)
      .post(`/api/v1/roster-checks?platformId=${STAND_IN_PLATFORM_ID}`)
      .set('authorization', `Bearer ${token}`)
      .set('accept-language', 'en')
      .set('content-type', mediaType)
      .send(body);

  const refusedBefore = async (mediaType: string, body: Buffer, cap: string) => {
    const before = world.state.count(CheckRoster);
    const res = await upload(mediaType, body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'file', message: expect.stringContaining(cap) }]);
    expect(world.state.count(CheckRoster)).toBe(before);
  };

  it('refuses a header cell of a million "(" (which a backtracking pattern took minutes over), naming the cell cap', async () => {
    const cell = `${'('.repeat(1_000_000)})`;
    await refusedBefore(XLSX, await xlsxOf([cell, ...HEADER], []), 'more than 1000 characters');
    await refusedBefore('text/csv', csvOf([cell, ...HEADER], []), 'too long');
  }, 60_000);

  it('refuses a value at column XFD (which made every line 16,384 cells wide), naming the column cap', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(HEADER);
    sheet.getCell('XFD2').value = 'x';
    await refusedBefore(XLSX, Buffer.from(await workbook.xlsx.writeBuffer()), 'more than 64 columns');
    await refusedBefore(
      'text/csv',
      csvOf([...HEADER, ...Array<string>(70).fill(''), '备注'], []),
      'more than 64 columns',
    );
  });

  it('counts blank lines against the line cap', async () => {
    const [line] = rosterLines(1);
    const blanks = Buffer.from(
      `${HEADER.join(',')}\r\n${'\r\n'.repeat(100_001)}${line?.name},${line?.idNumber},固定\r\n`,
    );
    await refusedBefore('text/csv', blanks, 'more than 100001 lines');
  });

  it('refuses a zip bomb that lies about its size, before exceljs unzips it, naming the unzipped cap', async () => {
    await refusedBefore(XLSX, await zipBomb(210), 'more than 200 MiB');
  }, 60_000);

  it('still reads an ordinary workbook', async () => {
    const lines = rosterLines(3);
    const res = await upload(
      XLSX,
      await xlsxOf(
        HEADER,
        lines.map((l) => [l.name, l.idNumber, l.kind]),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.checked).toBe(3);
  });

  it('checks the bearer token before reading the body: 401 while a 20 MiB upload is still arriving', async () => {
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await partialUpload(world.gateway.url, forged, 20 * 1024 * 1024 - 1, 64 * 1024)).toBe(401);
    expect(await partialUpload(world.gateway.url, 'not-a-jwt', 20 * 1024 * 1024 - 1, 64 * 1024)).toBe(401);
  });

  it('throttles a client address that keeps sending bad tokens (429 with Retry-After), and only its bad tokens', async () => {
    const gateway = await startGateway({
      NATS_URL: world.nats.url,
      JWT_PUBLIC_KEY_FILE: world.keys.publicKeyFile,
      RATE_LIMIT_BAD_TOKENS: '3',
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await request(gateway.url).get('/api/v1/calls').set('authorization', `Bearer bad.${i}.token`);
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await gateway.close();
    }
  });

  it.each([
    ['without exp (good forever)', (org: string) => ({ sub: 'u-1', name: '王五', role: 'dst_admin', org })],
    [
      'whose org is not a UUID (was a 500)',
      () => ({
        sub: 'u-1',
        name: '王五',
        role: 'dst_admin',
        org: 'not-a-uuid',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ],
  ])('refuses a token %s with 401', async (_label, claims) => {
    const bad = await world.keys.signPayload(claims(randomUUID()));
    const res = await request(world.gateway.url).get('/api/v1/calls').set('authorization', `Bearer ${bad}`);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tic"');
  });
});
