import { isCenterClosed } from '@tic/domain';
import { defineSubscription, EventNotYetKnownError, type EventSubscription } from '@tic/platform';

import { Platform } from './platform.entity';

/**
 * Keeps the TICs among the platforms in step with the center registry of the applications service,
 * so that the one-platform rule (A18) spans every approved center. The version guard applies a
 * center's events in order; a change to a platform this service does not hold is retried, not dropped.
 */
export function centerRegistrySubscription(): EventSubscription {
  return defineSubscription({
    name: 'center-registry',
    aggregate: 'center',
    on: {
      'tic.center.established': async (em, { data }) => {
        if (await em.findOne(Platform, { id: data.centerId })) return;
        em.persist(
          em.create(Platform, {
            id: data.centerId,
            name: data.name.zh,
            kind: 'technology_innovation_center',
            supportingUnitId: data.supportingUnitId,
            constructionUnitId: data.constructionUnitId,
            recommenderId: data.recommenderId,
            coBuilderIds: data.coBuilderIds,
            source: 'center_registry',
          }),
        );
      },
      'tic.center.renamed': (em, { data }) => update(em, data.centerId, { name: data.name.zh }),
      // A26: a reorganization filed with DST hands the platform (its director, staff, committees) to the new units.
      'tic.center.units_changed': (em, { data }) =>
        update(em, data.centerId, {
          supportingUnitId: data.supportingUnitId,
          constructionUnitId: data.constructionUnitId,
          recommenderId: data.recommenderId,
          coBuilderIds: data.coBuilderIds,
        }),
      'tic.center.status_changed': (em, { data }) =>
        // A revoked, terminated or graduated (A33) center is no longer a provincial platform.
        update(em, data.centerId, { status: isCenterClosed(data.to) ? 'closed' : 'active' }),
      'tic.center.revoked': (em, { data }) => update(em, data.centerId, { status: 'closed' }),
      'tic.center.graduated': (em, { data }) => update(em, data.centerId, { status: 'closed' }),
      'tic.center.filed': 'ignore',
      'tic.center.direction_changed': 'ignore',
      // A12: an overdue preparation changes nothing here until DST decides it (tic.center.status_changed).
      'tic.center.preparation_overdue': 'ignore',
    },
  });
}

async function update(
  em: Parameters<EventSubscription['handle']>[0],
  centerId: string,
  change: Partial<
    Pick<Platform, 'name' | 'status' | 'supportingUnitId' | 'constructionUnitId' | 'recommenderId' | 'coBuilderIds'>
  >,
): Promise<void> {
  const updated = await em.nativeUpdate(Platform, { id: centerId }, change);
  if (updated === 0) throw new EventNotYetKnownError(`platform ${centerId} is not known yet`);
}
