import type { CenterStatus } from '@tic/domain';
import type { EventSubscription } from '@tic/platform';

import { Platform } from './platform.entity';

// A revoked, terminated or graduated (A33) center is no longer a provincial platform.
const CLOSED: readonly CenterStatus[] = ['revoked', 'terminated', 'graduated'];

/**
 * Keeps the TICs among the platforms in step with the center registry of the applications service,
 * so that the one-platform rule (A18) spans every approved center.
 */
export function centerRegistrySubscription(): EventSubscription {
  return {
    name: 'center-registry',
    types: ['tic.center.established', 'tic.center.renamed', 'tic.center.status_changed', 'tic.center.revoked', 'tic.center.graduated'],
    handle: async (em, event) => {
      const sql = em;
      if (event.type === 'tic.center.established') {
        const data = event.data;
        if (await sql.findOne(Platform, { id: data.centerId })) return;
        sql.persist(sql.create(Platform, {
          id: data.centerId,
          name: data.name.zh,
          kind: 'technology_innovation_center',
          supportingUnitId: data.supportingUnitId,
          constructionUnitId: data.constructionUnitId,
          recommenderId: data.recommenderId,
          coBuilderIds: data.coBuilderIds,
          source: 'center_registry',
        }));
      } else if (event.type === 'tic.center.renamed') {
        await sql.nativeUpdate(Platform, { id: event.data.centerId }, { name: event.data.name.zh });
      } else if (event.type === 'tic.center.status_changed') {
        await sql.nativeUpdate(Platform, { id: event.data.centerId }, { status: CLOSED.includes(event.data.to) ? 'closed' : 'active' });
      } else if (event.type === 'tic.center.revoked' || event.type === 'tic.center.graduated') {
        await sql.nativeUpdate(Platform, { id: event.data.centerId }, { status: 'closed' });
      }
    },
  };
}
