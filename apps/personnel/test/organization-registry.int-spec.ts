import { EntityManager } from '@mikro-orm/postgresql';
import { v4 as uuidv4 } from 'uuid';

import {
  CreateAppointment,
  createEvent,
  GetCompliance,
  OrganizationRegistered,
  SetCommittee,
  type RpcRequest,
  type TicEvent,
} from '@tic/contracts';
import { eventually, publishEvents } from '@tic/testing';

import { type OrganizationRepository } from '../src/organizations/organization.repository';
import { Organization } from '../src/organizations/organization.entity';
import { organizationRegistrySubscription } from '../src/organizations/organization-registry.subscription';
import { CALLERS, ORGS, refusal, runningPersonnel } from './harness';

const registration = (organizationId: string, parentId: string | null, name: string) =>
  createEvent(OrganizationRegistered, {
    producer: 'applications',
    id: uuidv4(),
    subject: organizationId,
    time: new Date().toISOString(),
    aggregateVersion: 1,
    data: { organizationId, name, parentId, kind: 'enterprise', legalPerson: false, isRecommender: false },
  });

/** DOMAIN.md §3: a department below the supporting or construction unit is the supporting unit's (A15). */
describe('the organization registry from the applications service (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('organization-registry');
  const appointDirector = (input: Pick<RpcRequest<typeof CreateAppointment>, 'platformId' | 'personId'>) =>
    service.rpc.request(
      CreateAppointment,
      {
        ...input,
        role: 'director',
        kind: 'fixed',
        startsOn: '2026-11-02',
        decidedOn: '2026-11-02',
        committeeReviewedOn: '2026-10-30',
      },
      { caller: CALLERS.supporting },
    );
  const rowsOf = (id: string) =>
    service.sql('select id, parent_id, name from personnel.organization where id = ?', [id]);
  const registered = async (event: TicEvent & { data: { organizationId: string } }) => {
    await publishEvents(service.nats, [event]);
    await eventually(
      async () => {
        expect(await rowsOf(event.data.organizationId)).toHaveLength(1);
      },
      15_000,
      100,
    );
  };

  it.each([
    ['the construction unit', ORGS.construction],
    ['the supporting unit', ORGS.supporting],
  ])('A15: a director employed by a department below %s passes the employer rule', async (_, parentId) => {
    service.clock.set('2026-11-20');
    const department = uuidv4();
    await registered(registration(department, parentId, `伺服控制研究所${department.slice(0, 4)}`));
    const centerId = await service.newCenter();
    await service.reviewDirector(centerId, '2026-10-30');
    const director = await service.newPerson({ employerOrgId: department });

    expect(await appointDirector({ platformId: centerId, personId: director.id })).toMatchObject({ status: 'active' });
    const compliance = await service.rpc.request(GetCompliance, { centerId }, { caller: CALLERS.dst });
    expect(compliance.findings).toContainEqual(
      expect.objectContaining({
        rule: 'A15-director',
        passed: true,
        details: { fromSupportingUnit: true, fullTime: true },
      }),
    );
  });

  it('A15: a director employed by an unrelated unit, or by a department of one, still fails', async () => {
    service.clock.set('2026-11-20');
    const department = uuidv4();
    await registered(registration(department, ORGS.outsideExpertOrg, '外单位研究室'));
    const centerId = await service.newCenter();
    await service.reviewDirector(centerId, '2026-10-30');
    for (const employerOrgId of [ORGS.outsideExpertOrg, department]) {
      const outsider = await service.newPerson({ employerOrgId });
      expect(await refusal(appointDirector({ platformId: centerId, personId: outsider.id }))).toMatchObject({
        code: 'rule_violation',
        rule: 'A15-director',
      });
    }
  });

  it('A17, 回避: a committee member employed by a department below the construction unit is an insider and may not chair', async () => {
    const department = uuidv4();
    await registered(registration(department, ORGS.construction, `中央研究院伺服所${department.slice(0, 4)}`));
    const centerId = await service.newCenter();
    const outsiders = Array.from({ length: 6 }, (_, i) => ({
      name: `外单位专家${i + 1}`,
      orgId: ORGS.outsideExpertOrg,
    }));
    const form = async (chairOrgId: string) =>
      service.rpc.request(
        SetCommittee,
        {
          centerId,
          kind: 'advisory',
          termStartsOn: '2026-01-01',
          termEndsOn: '2028-12-31',
          members: await service.committeeMembers([
            { name: '主任委员', orgId: chairOrgId, isChair: true },
            ...outsiders,
          ]),
        },
        { caller: CALLERS.supporting },
      );
    expect(await refusal(form(department))).toMatchObject({ code: 'rule_violation', rule: 'A17-chair' });
    expect((await form(ORGS.outsideExpertOrg)).findings).toContainEqual(
      expect.objectContaining({ rule: 'A17-chair', passed: true }),
    );
  });

  it('applies a registration delivered again, or announced again, as one row', async () => {
    const department = uuidv4();
    const event = registration(department, ORGS.construction, '重复投递研究所');
    await registered(event);
    // JetStream deduplicates the same message id; a second announcement has a new one.
    await publishEvents(service.nats, [event, { ...event, id: uuidv4() }]);
    // And the handler itself, run twice on the same event, upserts the same row.
    const handle = organizationRegistrySubscription();
    await service.app
      .get(EntityManager)
      .fork()
      .transactional(async (em) => {
        await handle.handle(em, event);
        await handle.handle(em, event);
      });
    const later = registration(uuidv4(), null, '之后登记的单位');
    await registered(later);
    expect(await rowsOf(department)).toEqual([
      { id: department, parent_id: ORGS.construction, name: '重复投递研究所' },
    ]);
    expect(
      await service.sql('select count(*)::int as n from personnel.organization where id = ?', [department]),
    ).toEqual([{ n: 1 }]);
  });

  it('reads the line above the units judged with one recursive query, bounded on a cycle', async () => {
    const [a, b, c] = [uuidv4(), uuidv4(), uuidv4()];
    await registered(registration(a, ORGS.supporting, '一级部门'));
    await registered(registration(b, a, '二级部门'));
    // A registry being edited may hold a cycle: a unit recorded as its own parent must still end the walk.
    const em = service.app.get(EntityManager).fork();
    await em.getRepository(Organization).registered({ id: c, parentId: c, name: '自指单位' });
    const repository: OrganizationRepository = em.getRepository(Organization);
    const organizations = await repository.centerOrganizations(
      { supportingUnitId: ORGS.supporting, constructionUnitId: ORGS.construction, coBuilderIds: [ORGS.coBuilder] },
      [b, c, 'not-a-uuid'],
    );
    expect(organizations.parentOf?.(b)).toBe(a);
    expect(organizations.parentOf?.(a)).toBe(ORGS.supporting);
    expect(organizations.parentOf?.(c)).toBe(c);
    expect(organizations.parentOf?.(ORGS.coBuilder)).toBeUndefined();
  });
});
