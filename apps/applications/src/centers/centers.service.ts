import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { CenterDto, ListCenters } from '@tic/contracts';
import { Deadline } from '@tic/deadlines';
import { type Caller, pageOf } from '@tic/platform';

import { Center } from './center.entity';

/** The registry of centers, in the caller's scope (the same rule as applications). */
@Injectable()
export class CentersService {
  constructor(private readonly entityManager: EntityManager) {}

  async get(id: string, caller: Caller): Promise<CenterDto> {
    const em = this.em();
    const center = await em.getRepository(Center).findVisible(id, caller);
    const periods = await preparationPeriods(em, [center]);
    return toCenterDto(center, periods.get(center.id));
  }

  async list(input: z.output<typeof ListCenters.request>, caller: Caller) {
    const em = this.em();
    const centers = em.getRepository(Center);
    const scope = await centers.visibleFilter(caller);
    if (scope === null) return { items: [] };
    const rows = await centers.page(scope, input, input.limit);
    const periods = await preparationPeriods(em, rows);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (row) => toCenterDto(row, periods.get(row.id)),
    );
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

/** The D-preparation deadline rows of these centers (A12), by center: the preparation period as it stands now. */
async function preparationPeriods(em: EntityManager, centers: readonly Center[]): Promise<Map<string, Deadline>> {
  const ids = centers.flatMap((c) => (c.preparationDeadlineId === null ? [] : [c.preparationDeadlineId]));
  if (ids.length === 0) return new Map();
  const rows = await em.find(Deadline, { id: { $in: ids } });
  return new Map(rows.map((d) => [d.subjectId, d]));
}

export function toCenterDto(c: Center, preparation: Deadline | undefined): CenterDto {
  return {
    id: c.id,
    version: c.version,
    name: { zh: c.nameZh, en: c.nameEn },
    field: { zh: c.fieldZh, en: c.fieldEn },
    status: c.status,
    track: c.track,
    applicationId: c.applicationId,
    approvalDocument: c.approvalDocument,
    supportingUnitId: c.supportingUnitId,
    coBuilderIds: c.coBuilderIds,
    constructionUnitId: c.constructionUnitId,
    recommenderId: c.recommenderId,
    regionCode: c.regionCode,
    establishedOn: c.establishedOn,
    preparationEndsOn: preparation?.dueOn ?? null,
    preparationEndsOnProvisional: preparation?.provisional ?? null,
    filedOn: c.filedOn,
    previousNames: c.previousNames.map((p) => ({ name: p.name, until: p.until, changeId: p.changeId })),
    createdAt: c.createdAt.toISOString(),
  };
}
