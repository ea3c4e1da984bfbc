import type { EntityManager } from '@mikro-orm/postgresql';

import { isCenterClosed } from '@tic/domain';

import { EventNotYetKnownError } from '../events/event-not-yet-known.error';
import { defineSubscription, type EventSubscription } from '../events/event-subscription';
import { DirectoryCenter } from './directory-center.entity';

type DirectoryChange = Partial<
  Pick<
    DirectoryCenter,
    | 'nameZh'
    | 'nameEn'
    | 'fieldZh'
    | 'fieldEn'
    | 'status'
    | 'supportingUnitId'
    | 'constructionUnitId'
    | 'recommenderId'
    | 'coBuilderIds'
    | 'closedOn'
  >
>;

/**
 * Keeps a service's `center_directory` in step with the center registry. The consumer applies a
 * center's events in order (its version guard), so a change to a center not yet held is retried until
 * its `established` arrives, never dropped.
 */
export function centerDirectorySubscription(name = 'center-directory'): EventSubscription {
  return defineSubscription({
    name,
    aggregate: 'center',
    on: {
      'tic.center.established': async (em, { data }) => {
        if (await em.findOne(DirectoryCenter, { id: data.centerId })) return;
        em.persist(
          em.create(DirectoryCenter, {
            id: data.centerId,
            nameZh: data.name.zh,
            nameEn: data.name.en,
            fieldZh: data.field.zh,
            fieldEn: data.field.en,
            status: data.status,
            track: data.track,
            supportingUnitId: data.supportingUnitId,
            constructionUnitId: data.constructionUnitId,
            recommenderId: data.recommenderId,
            coBuilderIds: data.coBuilderIds,
            regionCode: data.regionCode ?? null,
            establishedOn: data.establishedOn,
            preparationEndsOn: data.preparationEndsOn ?? null,
          }),
        );
      },
      'tic.center.renamed': (em, { data }) => update(em, data.centerId, { nameZh: data.name.zh, nameEn: data.name.en }),
      'tic.center.direction_changed': (em, { data }) =>
        update(em, data.centerId, { fieldZh: data.field.zh, fieldEn: data.field.en }),
      'tic.center.units_changed': (em, { data }) =>
        update(em, data.centerId, {
          supportingUnitId: data.supportingUnitId,
          constructionUnitId: data.constructionUnitId,
          recommenderId: data.recommenderId,
          coBuilderIds: data.coBuilderIds,
        }),
      'tic.center.status_changed': (em, { data }) =>
        update(em, data.centerId, {
          status: data.to,
          ...(isCenterClosed(data.to) ? { closedOn: data.changedOn } : {}),
        }),
      'tic.center.revoked': (em, { data }) =>
        update(em, data.centerId, { status: 'revoked', closedOn: data.revokedOn }),
      'tic.center.graduated': (em, { data }) =>
        update(em, data.centerId, { status: 'graduated', closedOn: data.graduatedOn }),
      'tic.center.filed': 'ignore',
      // A12: an overdue preparation changes nothing until DST decides it (tic.center.status_changed).
      'tic.center.preparation_overdue': 'ignore',
    },
  });
}

async function update(em: EntityManager, centerId: string, change: DirectoryChange): Promise<void> {
  const updated = await em.nativeUpdate(DirectoryCenter, { id: centerId }, { ...change, updatedAt: new Date() });
  if (updated === 0) throw new EventNotYetKnownError(`center ${centerId} is not known yet`);
}
