import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { AllocationDto, LedgerEntryDto } from '@tic/contracts';

import { DEMO_UNITS } from '../../applications/dist/seed/demo-units';
import { call, PlatformWorld } from './platform/platform-world';
import { tokensFor, type Tokens } from './platform/journey';

// Redis database index for this file (the world's queue and key prefixes keep it apart from others).
const REDIS_DB = 8;
const DEMO = join(__dirname, '..', '..', '..', 'scripts', 'demo.mjs');
const unit = (name: string) => DEMO_UNITS.find((u) => u.name === name)?.id ?? '';

describe('`npm run demo` on a database in use: it runs twice, scoring with whichever experts are drawn', () => {
  let world: PlatformWorld;
  let tokens: Tokens;

  beforeAll(async () => {
    world = await PlatformWorld.start('demo', REDIS_DB);
    // Other people's experts of the field, whom the demo knows nothing about: the draw may pick them.
    tokens = await tokensFor(world);
    for (let n = 1; n <= 12; n += 1) {
      const expert = await call(world, 'POST', '/experts', {
        token: tokens.dst,
        body: {
          userId: `someone-else-${n}`,
          name: `他人专家${n}`,
          orgId: unit('大连示范理工大学'),
          fields: ['智能制造'],
        },
      });
      expect(expert.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  const runDemo = () =>
    promisify(execFile)(process.execPath, [DEMO], {
      env: { ...process.env, GATEWAY_URL: world.gatewayUrl, DEV_JWT_DIR: world.keyDir },
      timeout: 240_000,
    });

  it('files centers with their own names each time, reads compliance, renames one (A26), revokes the other (A31(五)), files a registered center’s annual report, grades it (A27–A30) and funds it (A33–A36)', async () => {
    const first = await runDemo();
    const second = await runDemo();
    const centerLine = (stdout: string) => /^(辽宁省\S+技术创新中心) \(/m.exec(stdout)?.[1];
    for (const { stdout } of [first, second]) {
      expect(stdout).toContain('五位专家评分');
      expect(stdout).toContain('中心人员与委员会合规情况');
      expect(centerLine(stdout)).toMatch(/^辽宁省智能制造演示[0-9A-Z]{6}技术创新中心$/);
      expect(stdout).toMatch(/^ {6}辽宁省高端智能装备演示[0-9A-Z]{6}技术创新中心（原名 辽宁省智能制造演示/m);
      expect(stdout).toMatch(/公告：关于撤销辽宁省智能制造装备演示[0-9A-Z]{6}技术创新中心的决定/);
      // Issue 12: the center registered under A40 files its report on 2025 and is graded (88: good).
      expect(stdout).toContain('推荐单位审核后报省科技厅备案');
      expect(stdout).toMatch(/^ {6}辽宁省智能制造存量演示[0-9A-Z]{6}技术创新中心：good$/m);
      // The agency's webhook got the grade, every signature checked; the supporting unit's inbox has news.
      expect(stdout).toMatch(/订阅机构的 Webhook 收到 \d+ 个事件，签名均已验证/);
      expect(stdout).toMatch(/^ {6}tic\.evaluation\.graded × \d+$/m);
      expect(stdout).toMatch(/依托单位收件箱未读消息：[1-9]\d*/);
      // Issue 14: the graded center is funded; beyond a category's remaining budget is refused (A36).
      expect(stdout).toMatch(/^ {6}funding\.\S+（第三十六条）$/m);
      const allocationId = /^ {6}资金 (\S+)：/m.exec(stdout)?.[1] ?? '';
      const allocation = await call<AllocationDto>(world, 'GET', `/allocations/${allocationId}`, { token: tokens.dst });
      expect(allocation.status).toBe(200);
      expect(allocation.body.executionRate).toBeGreaterThan(0);
      expect(allocation.body.spentFen).toBe(38_000_000 + 4_200_000 + 980_000);
      const ledger = await call<{ items: LedgerEntryDto[] }>(world, 'GET', `/allocations/${allocationId}/ledger`, {
        token: tokens.dst,
      });
      expect(ledger.body.items.map((e) => [e.kind, e.voucherRef, e.amountFen])).toEqual([
        ['expenditure', '记-0001', 38_000_000],
        ['expenditure', '记-0002', 4_200_000],
        ['expenditure', '记-0003', 9_800_000],
        ['reversal', '记-0003', -9_800_000],
        ['expenditure', '记-0005', 980_000],
      ]);
    }
    expect(centerLine(first.stdout)).not.toBe(centerLine(second.stdout));
  }, 520_000);
});
