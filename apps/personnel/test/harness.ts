import 'reflect-metadata';

import { join } from 'node:path';
import { v4 as uuidv4, v5 as uuidv5 } from 'uuid';

import {
  CenterEstablished,
  createEvent,
  GetCommittee,
  GetPlatform,
  RecordCommitteeMeeting,
  RegisterPerson,
  SetCommittee,
  type PersonDto,
} from '@tic/contracts';
import { addDays, residentIdCheckCharacter } from '@tic/domain';
import { ManualClock, shanghaiDate } from '@tic/deadlines';
import type { Caller } from '@tic/platform';
import { runningService, type RunningService } from '@tic/platform/testing';
import { eventually, publishEvents } from '@tic/testing';

import { AppModule } from '../src/app.module';
import { personnelConfigSchema, type PersonnelConfig } from '../src/config';
import { PERSONNEL_ENTITIES } from '../src/entities';

export { refusal } from '@tic/platform/testing';

const NAMESPACE = 'b3c0d1e2-5f6a-4b7c-8d9e-0a1b2c3d4e5f';
const orgId = (name: string) => uuidv5(name, NAMESPACE);

/** The organizations of the test world. */
export const ORGS = {
  dst: orgId('省科技厅'),
  committeeOffice: orgId('省委科技委办公室'),
  supporting: orgId('辽宁示范智能装备股份有限公司'),
  construction: orgId('辽宁示范智能装备股份有限公司中央研究院'),
  coBuilder: orgId('东北示范理工大学'),
  recommender: orgId('沈阳市科学技术局'),
  otherSupporting: orgId('大连示范海洋工程研究院有限公司'),
  otherRecommender: orgId('大连市科学技术局'),
  outsideExpertOrg: orgId('中国科学院沈阳自动化研究所'),
} as const;

/** Signed-in users, one per role, as the gateway passes them after verifying a token. */
export const CALLERS = {
  dst: { userId: 'dst-1', name: '省科技厅王处长', role: 'dst_admin', orgId: ORGS.dst },
  committee: { userId: 'cmo-1', name: '省委科技委办公室李主任', role: 'committee_office', orgId: ORGS.committeeOffice },
  supporting: { userId: 'su-1', name: '依托单位人事处', role: 'supporting_unit', orgId: ORGS.supporting },
  construction: { userId: 'cu-1', name: '研究院综合办', role: 'construction_unit', orgId: ORGS.construction },
  coBuilder: { userId: 'cb-1', name: '共建单位科研院', role: 'co_builder', orgId: ORGS.coBuilder },
  recommender: { userId: 'rec-1', name: '沈阳市科技局', role: 'recommender', orgId: ORGS.recommender },
  otherSupporting: { userId: 'su-2', name: '大连依托单位', role: 'supporting_unit', orgId: ORGS.otherSupporting },
  otherRecommender: { userId: 'rec-2', name: '大连市科技局', role: 'recommender', orgId: ORGS.otherRecommender },
  expert: { userId: 'ex-1', name: '评审专家', role: 'expert', orgId: ORGS.outsideExpertOrg },
} as const satisfies Record<string, Caller>;

let serial = 0;

/** A valid resident ID number (GB 11643-1999) of someone born in Shenyang's Heping district; a new one per call. */
export function newIdNumber(): string {
  serial += 1;
  const birth = addDays('1975-01-01', (serial * 37 + process.pid) % 9000).replaceAll('-', '');
  const first17 = `210102${birth}${String(100 + (serial % 900)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export interface CenterFacts {
  readonly name: string;
  readonly supportingUnitId: string;
  readonly constructionUnitId: string;
  readonly recommenderId: string;
  readonly coBuilderIds: readonly string[];
}

/** A committee member to be: registered by the supporting unit with this employer, then named by id. */
export interface MemberSpec {
  readonly name: string;
  readonly orgId: string;
  readonly isChair?: boolean;
}

export interface NamedMember {
  readonly personId: string;
  readonly isChair?: boolean;
}

/** The personnel service under test, with a clock the test moves and factories of its data. */
export interface RunningPersonnel extends RunningService<PersonnelConfig> {
  readonly clock: ManualClock;
  /** A TIC as the applications service announces it; the personnel service registers it as a platform. */
  newCenter(center?: Partial<CenterFacts>): Promise<string>;
  /** Same as newCenter (the name older tests use). */
  establishCenter(center?: Partial<CenterFacts>): Promise<string>;
  /** A person registered by a unit (the supporting unit unless said otherwise), with a fresh ID number. */
  newPerson(person?: { name?: string; employerOrgId?: string; idNumber?: string }, caller?: Caller): Promise<PersonDto>;
  /** Committee members as people of the registry, each registered with the employer given. */
  committeeMembers(members: readonly MemberSpec[]): Promise<NamedMember[]>;
  /**
   * A15: the center's management committee (formed from the supporting and co-building units if it is
   * not yet) records the meeting on `heldOn` that reviews a director's appointment or end.
   */
  reviewDirector(centerId: string, heldOn: string): Promise<void>;
}

/** The service in this process for a whole test file, on a fresh database and a private NATS. */
export function runningPersonnel(label: string, env: Record<string, string> = {}): RunningPersonnel {
  const clock = new ManualClock(new Date());
  const service = runningService({
    label,
    service: 'personnel',
    configSchema: personnelConfigSchema,
    module: (config) => AppModule.forRoot(config, { clock }),
    entities: PERSONNEL_ENTITIES,
    migrationsPath: join(__dirname, '..', 'src', 'migrations'),
    env,
  });
  const newCenter = async (facts: Partial<CenterFacts> = {}): Promise<string> => {
    const centerId = uuidv4();
    const event = createEvent(CenterEstablished, {
      id: uuidv4(),
      subject: centerId,
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: {
        centerId,
        name: {
          zh: facts.name ?? `辽宁省智能制造技术创新中心${centerId.slice(0, 4)}`,
          en: 'Liaoning Intelligent Manufacturing TIC',
        },
        applicationId: uuidv4(),
        field: { zh: '智能制造', en: 'Intelligent Manufacturing' },
        track: 'formal',
        status: 'operating',
        supportingUnitId: facts.supportingUnitId ?? ORGS.supporting,
        coBuilderIds: [...(facts.coBuilderIds ?? [ORGS.coBuilder])],
        constructionUnitId: facts.constructionUnitId ?? ORGS.construction,
        recommenderId: facts.recommenderId ?? ORGS.recommender,
        establishedOn: shanghaiDate(new Date()),
      },
    });
    await publishEvents(service.nats, [event]);
    await eventually(() => service.call(GetPlatform, { id: centerId }, CALLERS.dst), 15_000, 100);
    return centerId;
  };
  const reviewDirector = async (centerId: string, heldOn: string): Promise<void> => {
    const formed = await service
      .call(GetCommittee, { centerId, kind: 'management' }, CALLERS.supporting)
      .catch(() => null);
    if (formed === null)
      await service.call(
        SetCommittee,
        {
          centerId,
          kind: 'management',
          termStartsOn: '2026-01-01',
          termEndsOn: '2028-12-31',
          members: await committeeMembers([
            { name: '依托单位总经理', orgId: ORGS.supporting, isChair: true },
            { name: '共建单位副校长', orgId: ORGS.coBuilder },
          ]),
        },
        CALLERS.supporting,
      );
    await service.call(
      RecordCommitteeMeeting,
      { centerId, kind: 'management', heldOn, attendees: 2, minutesRef: `docs/minutes/${heldOn}` },
      CALLERS.supporting,
    );
  };
  const newPerson = (
    person: { name?: string; employerOrgId?: string; idNumber?: string } = {},
    caller: Caller = CALLERS.supporting,
  ) =>
    service.call(
      RegisterPerson,
      {
        name: person.name ?? `人员${serial + 1}`,
        idNumber: person.idNumber ?? newIdNumber(),
        employerOrgId: person.employerOrgId ?? ORGS.supporting,
      },
      caller,
    );
  const committeeMembers = async (members: readonly MemberSpec[]): Promise<NamedMember[]> => {
    const named: NamedMember[] = [];
    for (const { name, orgId, isChair } of members) {
      const person = await newPerson({ name, employerOrgId: orgId });
      named.push({ personId: person.id, ...(isChair ? { isChair } : {}) });
    }
    return named;
  };
  return Object.assign(Object.create(service) as RunningService<PersonnelConfig>, {
    clock,
    committeeMembers,
    reviewDirector,
    newCenter,
    establishCenter: newCenter,
    newPerson,
  });
}
