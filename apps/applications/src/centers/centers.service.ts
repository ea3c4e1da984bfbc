import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { CenterDto, ListCenters } from '@tic/contracts';
import { type Caller, pageOf } from '@tic/platform';

import { Center } from './center.entity';

/** The registry of centers, in the caller's scope (the same rule as applications). */
@Injectable()
export class CentersService {
  constructor(private readonly entityManager: EntityManager) {}

  async get(id: string, caller: Caller): Promise<CenterDto> {
    return toCenterDto(await this.em().getRepository(Center).findVisible(id, caller));
  }

  async list(input: z.output<typeof ListCenters.request>, caller: Caller) {
    const centers = this.em().getRepository(Center);
    const scope = await centers.visibleFilter(caller);
    if (scope === null) return { items: [] };
    return pageOf(await centers.page(scope, input, input.limit), input.limit, (row) => row.id, toCenterDto);
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

export function toCenterDto(c: Center): CenterDto {
  return {
    id: c.id,
    version: c.version,
    name: { zh: c.nameZh, en: c.nameEn },
    field: { zh: c.fieldZh, en: c.fieldEn },
    status: c.status,
    track: c.track,
    applicationId: c.applicationId,
    supportingUnitId: c.supportingUnitId,
    coBuilderIds: c.coBuilderIds,
    constructionUnitId: c.constructionUnitId,
    recommenderId: c.recommenderId,
    regionCode: c.regionCode,
    establishedOn: c.establishedOn,
    preparationEndsOn: c.preparationEndsOn,
    preparationEndsOnProvisional: c.preparationEndsOnProvisional,
    filedOn: c.filedOn,
    createdAt: c.createdAt.toISOString(),
  };
}
