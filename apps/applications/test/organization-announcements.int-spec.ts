import { EntityManager } from '@mikro-orm/postgresql';

import { CreateOrganization } from '@tic/contracts';
import { EventOutbox } from '@tic/platform';

import { announceOrganizations, OrganizationAnnouncer } from '../src/organizations/organization-announcer';
import { seedDemo, seedRecommendingUnits } from '../src/seed/seed';
import { CALLERS, runningService, SUPPORTING_UNIT_ID } from './harness';

interface Registration {
  readonly subject: string;
  readonly published: boolean;
  readonly data: { organizationId: string; name: string; parentId: string | null };
}

describe('the registry announces its units as tic.organization.registered (applications service on real Postgres, NATS)', () => {
  const service = runningService('organization-announcements');
  const em = () => service.app.get(EntityManager).fork();

  const registrations = async (): Promise<Registration[]> =>
    (
      await em().execute<{ subject: string; published_at: Date | null; document: { data: Registration['data'] } }[]>(
        `select subject, published_at, document from applications.outbox_event
          where type = 'tic.organization.registered' order by seq`,
      )
    ).map((row) => ({ subject: row.subject, published: row.published_at !== null, data: row.document.data }));

  const units = async (): Promise<string[]> =>
    (await em().execute<{ id: string }[]>('select id from applications.organization order by id')).map((r) => r.id);

  it('announced every seeded unit once at the start, with the unit above it', async () => {
    const announced = await registrations();
    expect(announced.map((r) => r.subject).sort()).toEqual(await units());
    expect(new Set(announced.map((r) => r.subject)).size).toBe(announced.length);
    // The seeded construction unit (中央研究院) is a department of the supporting unit.
    expect(announced.find((r) => r.data.name === '辽宁示范智能装备股份有限公司中央研究院')?.data.parentId).toBe(
      SUPPORTING_UNIT_ID,
    );
  });

  it('announces nothing on a second run, nor after the seeds run again', async () => {
    const before = await registrations();
    expect(await service.app.get(OrganizationAnnouncer).announce()).toBe(0);
    await seedRecommendingUnits(em());
    await seedDemo(em());
    expect(await announceOrganizations(em(), new EventOutbox('applications'))).toBe(0);
    expect(await registrations()).toHaveLength(before.length);
  });

  it('records the event with the parent when DST registers a unit, and the announcer leaves it alone', async () => {
    const department = await service.rpc.request(
      CreateOrganization,
      { name: '依托单位智能制造研究所', kind: 'enterprise', legalPerson: false, parentId: SUPPORTING_UNIT_ID },
      { caller: CALLERS.dst },
    );
    const ofDepartment = (await registrations()).filter((r) => r.subject === department.id);
    expect(ofDepartment.map((r) => r.data)).toEqual([
      {
        organizationId: department.id,
        name: '依托单位智能制造研究所',
        parentId: SUPPORTING_UNIT_ID,
        kind: 'enterprise',
        legalPerson: false,
        isRecommender: false,
      },
    ]);
    expect(department.version).toBe(1);
    expect(await service.app.get(OrganizationAnnouncer).announce()).toBe(0);

    // users.conf lets the applications user publish it: the relay gets it onto the stream.
    const deadline = Date.now() + 10_000;
    while (!(await registrations()).find((r) => r.subject === department.id)?.published) {
      if (Date.now() > deadline) throw new Error('tic.organization.registered was not published');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('drops a malformed traceparent another caller sends over NATS, instead of failing the command on it', async () => {
    const unit = await service.rpc.request(
      CreateOrganization,
      { name: '追踪头格式错误的研究所', kind: 'research_institute', legalPerson: true },
      { caller: CALLERS.dst, traceparent: '00-not-a-trace-01' },
    );
    const [row] = await em().execute<{ traceparent: string | null }[]>(
      `select document->>'traceparent' as traceparent from applications.outbox_event where subject = ?`,
      [unit.id],
    );
    expect(row).toEqual({ traceparent: null });
  });
});
