import { randomInt } from 'node:crypto';
import { join } from 'node:path';

import type { LoadWorld } from './load-world';
import { shiftDate, type Fixtures } from './workload';

interface Unit {
  readonly id: string;
  readonly name: string;
}

// The applications service's seed data, from its build (the bench does not depend on the service's code).
const SEED = join(__dirname, '..', '..', '..', 'apps', 'applications', 'dist', 'seed');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEMO_UNITS } = require(join(SEED, 'demo-units.js')) as { DEMO_UNITS: readonly Unit[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AUTHORITIES } = require(join(SEED, 'recommending-units.js')) as { AUTHORITIES: { dst: Unit } };

const unit = (name: string): string => {
  const found = DEMO_UNITS.find((u) => u.name === name);
  if (found === undefined) throw new Error(`the demo set has no unit ${name}`);
  return found.id;
};

/** Today in Shanghai, the services' calendar day. */
export function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** One request through the gateway during set-up: a 2xx body, or undefined when `tolerate` lists the status. */
async function post(world: LoadWorld, path: string, token: string, body: unknown, tolerate: number[] = []) {
  const response = await fetch(`${world.gatewayUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as { id: string };
  if (response.ok) return payload;
  if (tolerate.includes(response.status)) return undefined;
  throw new Error(`set-up POST ${path}: ${response.status} ${JSON.stringify(payload)}`);
}

/**
 * What the workload needs, made through the gateway before the clock starts: a call to draft
 * applications under, and an allocation on a registered center to book expenditures against (the
 * funding service learns of the center from its event; until then the allocation is a 404/422).
 */
export async function setUp(world: LoadWorld): Promise<Fixtures> {
  const tag = `${Date.now().toString(36).slice(-4)}${randomInt(36 ** 2).toString(36)}`.toUpperCase();
  const today = shanghaiToday();
  const supportingUnitId = unit('辽宁示范智能装备股份有限公司');
  const constructionUnitId = unit('辽宁示范智能装备股份有限公司中央研究院');
  const tokens = {
    dst: world.token('dst_admin', AUTHORITIES.dst.id),
    supporting: world.token('supporting_unit', supportingUnitId),
    construction: world.token('construction_unit', constructionUnitId),
  };
  const year = Number(today.slice(0, 4)) + 1;
  const call = await post(world, '/calls', tokens.dst, {
    year,
    title: `${year}年度负载测试申报通知`,
    opensOn: shiftDate(today, -1),
    closesOn: shiftDate(today, 30),
  });
  const coBuilderId = unit('东北示范理工大学');
  const center = await post(world, '/centers/existing', tokens.dst, {
    field: { zh: `负载测试资金${tag}`, en: `Load Test Funding ${tag}` },
    track: 'formal',
    supportingUnitId,
    constructionUnitId,
    coBuilderIds: [coBuilderId],
    approvedOn: '2024-05-20',
    approvalDocument: `辽科发〔2024〕负载${tag}号`,
  });
  const spentOn = shiftDate(today, -1);
  const allocationBody = {
    centerId: center?.id,
    fiscalYear: Number(spentOn.slice(0, 4)),
    purpose: '负载测试省级资金',
    budget: ['equipment', 'business', 'labor', 'indirect'].map((category) => ({ category, amountFen: 900_000_000 })),
    targets: [{ tier: 'output', dimension: 'quantity', indicator: '发明专利授权数', unit: '件', targetValue: 6 }],
  };
  let allocation: { id: string } | undefined;
  for (let waited = 0; allocation === undefined; waited += 500) {
    if (waited > 60_000) throw new Error('the funding service did not learn of the center within 60 s');
    allocation = await post(world, '/allocations', tokens.dst, allocationBody, [404, 409, 422]);
    if (allocation === undefined) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    tag,
    tokens,
    supportingUnitId,
    constructionUnitId,
    coBuilderId,
    callId: call?.id ?? '',
    allocationId: allocation.id,
    centerId: center?.id ?? '',
    spentOn,
  };
}
