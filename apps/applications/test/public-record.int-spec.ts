import { EntityManager } from '@mikro-orm/postgresql';
import type { INestApplication } from '@nestjs/common';

import { CenterEstablished, CenterRevoked, createEvent, ListAnnouncements, type TicEvent } from '@tic/contracts';
import { newId, type RpcClient } from '@tic/platform';

import { centerAnnouncementsSubscription } from '../src/public-record/public-record.subscriptions';
import { rpcClient, startInfrastructure, startService, SUPPORTING_UNIT_ID, type Infrastructure } from './harness';

const NAME = {
  zh: '辽宁省示范公告技术创新中心',
  en: 'Liaoning Demonstration Announcement Technology Innovation Center',
};

describe('announcements of the public record are written once per event (applications service on real Postgres, NATS)', () => {
  let infra: Infrastructure;
  let app: INestApplication;
  let rpc: RpcClient;
  const subscription = centerAnnouncementsSubscription();

  beforeAll(async () => {
    infra = await startInfrastructure('public-record');
    app = await startService(infra.config);
    rpc = rpcClient(infra.nats);
  }, 90_000);

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await app?.close();
    await infra?.stop();
  });

  /** Applies the event as the consumer does: in a transaction of its own. */
  const deliver = (event: TicEvent) =>
    app
      .get(EntityManager)
      .fork()
      .transactional((em) => subscription.handle(em, event));
  const announcementsOf = async (centerId: string) =>
    (await rpc.request(ListAnnouncements, { limit: 200 })).items.filter((a) => a.centerId === centerId);

  it('adds nothing when the same tic.center.established is delivered again', async () => {
    const centerId = newId();
    const event = createEvent(CenterEstablished, {
      id: newId(),
      subject: centerId,
      time: new Date().toISOString(),
      aggregateVersion: 1,
      data: {
        centerId,
        name: NAME,
        applicationId: newId(),
        field: { zh: '示范公告', en: 'Demonstration Announcement' },
        track: 'formal',
        status: 'operating',
        supportingUnitId: SUPPORTING_UNIT_ID,
        coBuilderIds: [],
        constructionUnitId: newId(),
        recommenderId: newId(),
        establishedOn: '2027-03-15',
      },
    });
    await deliver(event);
    await deliver(event);
    const announced = await announcementsOf(centerId);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      id: event.id,
      kind: 'approval',
      announcedOn: '2027-03-15',
      title: `关于批准建设${NAME.zh}的公告`,
      details: { supportingUnit: '辽宁示范智能装备股份有限公司' },
    });
  });

  it('reads a revocation’s grounds from `grounds`, or from `ground` in an event of the first version', async () => {
    const centerId = newId();
    const revoked = createEvent(CenterRevoked, {
      id: newId(),
      subject: centerId,
      time: new Date().toISOString(),
      aggregateVersion: 3,
      data: {
        centerId,
        name: NAME,
        ground: 6,
        grounds: [6, 8],
        article: '第三十一条',
        reason: '弄虚作假',
        revokedOn: '2027-05-01',
        actor: { userId: 'dst-1', name: '省科技厅', role: 'dst_admin' },
      },
    });
    await deliver(revoked);
    // A version-1 event (before `grounds`), still in the stream for a replay.
    const { grounds: _, ...firstVersion } = revoked.data;
    const later = { ...revoked, id: newId(), data: { ...firstVersion, revokedOn: '2027-05-02' } } as TicEvent;
    await deliver(later);
    const byId = new Map((await announcementsOf(centerId)).map((a) => [a.id, a.details]));
    expect(byId.get(revoked.id)).toMatchObject({ grounds: [6, 8] });
    expect(byId.get(later.id)).toMatchObject({ grounds: [6] });
  });
});
