import 'reflect-metadata';

import { join } from 'node:path';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

import { CenterEstablished, createEvent } from '@tic/contracts';
import { ManualClock } from '@tic/deadlines';
import type { Caller } from '@tic/platform';
import { runningService, type RunningService } from '@tic/platform/testing';
import { eventually, publishEvents, readAllEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { fundingConfigSchema, type FundingConfig } from '../src/config';
import { FUNDING_ENTITIES } from '../src/entities';

export { refusal } from '@tic/platform/testing';

/** The day the tests run on (Asia/Shanghai): fiscal year 2026, after the mid-year check. */
export const TODAY = '2026-08-15';

const NAMESPACE = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const orgId = (name: string) => uuidv5(name, NAMESPACE);

/** The organizations of the test world: two centers' units, their recommenders, an evaluator and an agency. */
export const ORGS = {
  dst: orgId('省科技厅'),
  committeeOffice: orgId('省委科技委办公室'),
  supporting: orgId('辽宁示范智能装备股份有限公司'),
  construction: orgId('辽宁示范智能装备股份有限公司中央研究院'),
  coBuilder: orgId('东北示范理工大学'),
  recommender: orgId('沈阳市科学技术局'),
  otherSupporting: orgId('大连示范海洋工程研究院有限公司'),
  otherConstruction: orgId('大连示范海洋工程研究院有限公司技术中心'),
  otherRecommender: orgId('大连市科学技术局'),
  agency: orgId('辽宁示范科技评估中心'),
  otherAgency: orgId('辽宁省财政厅'),
  expertOrg: orgId('中国科学院沈阳自动化研究所'),
} as const;

/** Signed-in users, one per role, as the gateway passes them after verifying a token. */
export const CALLERS = {
  dst: { userId: 'dst-1', name: '省科技厅王处长', role: 'dst_admin', orgId: ORGS.dst },
  committee: { userId: 'cmo-1', name: '省委科技委办公室李主任', role: 'committee_office', orgId: ORGS.committeeOffice },
  supporting: { userId: 'su-1', name: '依托单位科技处', role: 'supporting_unit', orgId: ORGS.supporting },
  construction: { userId: 'cu-1', name: '研究院综合办', role: 'construction_unit', orgId: ORGS.construction },
  coBuilder: { userId: 'cb-1', name: '共建单位科研院', role: 'co_builder', orgId: ORGS.coBuilder },
  recommender: { userId: 'rec-1', name: '沈阳市科技局', role: 'recommender', orgId: ORGS.recommender },
  otherSupporting: { userId: 'su-2', name: '大连依托单位', role: 'supporting_unit', orgId: ORGS.otherSupporting },
  otherConstruction: { userId: 'cu-2', name: '大连建设单位', role: 'construction_unit', orgId: ORGS.otherConstruction },
  otherRecommender: { userId: 'rec-2', name: '大连市科技局', role: 'recommender', orgId: ORGS.otherRecommender },
  evaluator: { userId: 'ev-1', name: '评估中心项目组', role: 'evaluator', orgId: ORGS.agency },
  agency: { userId: 'ag-1', name: '省财政厅系统', role: 'agency', orgId: ORGS.otherAgency },
  expert: { userId: 'ex-1', name: '评审专家', role: 'expert', orgId: ORGS.expertOrg },
} as const satisfies Record<string, Caller>;

export interface CenterFacts {
  readonly centerId: string;
  readonly name: string;
  readonly status: 'operating' | 'preparing';
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly recommenderId: string;
  readonly coBuilderIds: readonly string[];
  readonly regionCode: string;
  readonly establishedOn: string;
}

/** The funding service under test, with a clock the test moves. */
export interface RunningFunding extends RunningService<FundingConfig> {
  readonly clock: ManualClock;
  /** A center as the applications service announces it, once the service holds it in its directory. */
  newCenter(center?: Partial<CenterFacts>): Promise<string>;
}

/** The service in this process for a whole test file, on a fresh database and a private NATS. */
export function runningFunding(label: string, env: Record<string, string> = {}): RunningFunding {
  const clock = new ManualClock(TODAY);
  const service = runningService({
    label,
    service: 'funding',
    configSchema: fundingConfigSchema,
    module: (config) => AppModule.forRoot(config, { clock }),
    entities: FUNDING_ENTITIES,
    migrationsPath: join(__dirname, '..', 'src', 'migrations'),
    env,
  });
  const newCenter = async (facts: Partial<CenterFacts> = {}): Promise<string> => {
    const centerId = facts.centerId ?? uuidv4();
    const status = facts.status ?? 'operating';
    await publishEvents(service.nats, [
      createEvent(CenterEstablished, {
        id: uuidv4(),
        subject: centerId,
        time: new Date().toISOString(),
        aggregateVersion: 1,
        data: {
          centerId,
          name: {
            zh: facts.name ?? `辽宁省智能制造技术创新中心${centerId.slice(0, 4)}`,
            en: `Liaoning Intelligent Manufacturing TIC ${centerId.slice(0, 4)}`,
          },
          applicationId: uuidv4(),
          field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
          track: status === 'preparing' ? 'preparation' : 'formal',
          status,
          supportingUnitId: facts.supportingUnitId ?? ORGS.supporting,
          coBuilderIds: [...(facts.coBuilderIds ?? [ORGS.coBuilder])],
          constructionUnitId: facts.constructionUnitId ?? ORGS.construction,
          recommenderId: facts.recommenderId ?? ORGS.recommender,
          regionCode: facts.regionCode ?? '210102',
          establishedOn: facts.establishedOn ?? '2025-01-10',
        },
      }),
    ]);
    await eventually(
      async () => {
        const rows = await service.sql('select id from funding.center_directory where id = ?', [centerId]);
        if (rows.length === 0) throw new Error(`center ${centerId} not in the directory yet`);
      },
      15_000,
      100,
    );
    return centerId;
  };
  return Object.assign(Object.create(service) as RunningService<FundingConfig>, { clock, newCenter });
}

/** An allocation as DST makes it: 1 000 000.00 yuan, equipment 600 000 and labor 400 000, three targets. */
export function allocationInput(centerId: string, overrides: Record<string, unknown> = {}) {
  return {
    centerId,
    fiscalYear: 2026,
    purpose: '技术创新中心建设运行补助',
    budget: [
      { category: 'equipment' as const, amountFen: 60_000_000 },
      { category: 'labor' as const, amountFen: 40_000_000 },
    ],
    targets: [
      {
        tier: 'output' as const,
        dimension: 'quantity' as const,
        indicator: '发明专利授权数',
        unit: '件',
        targetValue: 10,
        direction: 'at_least' as const,
      },
      {
        tier: 'output' as const,
        dimension: 'cost' as const,
        indicator: '单位成果成本',
        unit: '万元',
        targetValue: 50,
        direction: 'at_most' as const,
      },
      {
        tier: 'satisfaction' as const,
        dimension: 'satisfaction' as const,
        indicator: '服务对象满意度',
        unit: '%',
        targetValue: 90,
        direction: 'at_least' as const,
      },
    ],
    ...overrides,
  };
}

/** An expenditure as the supporting unit records it. */
export function expenditureInput(allocationId: string, overrides: Record<string, unknown> = {}) {
  return {
    allocationId,
    spentOn: '2026-05-20',
    amountFen: 1_000_000,
    category: 'equipment' as const,
    payee: '沈阳示范仪器有限公司',
    voucherRef: '记-2026-0501',
    procurement: true,
    stateAsset: true,
    ...overrides,
  };
}

/** The events of these types in TIC_EVENTS, once at least `atLeast` are there. */
export async function eventsOfType(
  service: RunningFunding,
  type: string,
  atLeast = 1,
): Promise<{ type: string; subject: string; data: Record<string, unknown> }[]> {
  let found: { type: string; subject: string; data: Record<string, unknown> }[] = [];
  await eventually(
    async () => {
      const all = (await readAllEvents(service.nats)) as unknown as {
        type: string;
        subject: string;
        data: Record<string, unknown>;
      }[];
      found = all.filter((e) => e.type === type);
      if (found.length < atLeast) throw new Error(`${found.length} ${type} events, waiting for ${atLeast}`);
    },
    15_000,
    200,
  );
  return found;
}
