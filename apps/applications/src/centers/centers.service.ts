import { type FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { type Caller, pageOf, RpcFailure } from '@tic/platform';
import { listScope } from '@tic/domain';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import type { CenterDto, ListCenters } from '@tic/contracts';

import { Center } from './center.entity';
import { scopeFilter } from '../access/application-scope';

/** The registry of centers, in the caller's scope (the same rule as applications). */
@Injectable()
export class CentersService {
  constructor(private readonly entityManager: EntityManager) {}

  async get(id: string, caller: Caller): Promise<CenterDto> {
    const scope = centerScope(caller);
    const center = scope === null ? null : await this.em().findOne(Center, { $and: [{ id }, scope] });
    if (!center) throw RpcFailure.notFound({ zh: '技术创新中心', en: 'Center' });
    return toCenterDto(center);
  }

  async list(input: z.output<typeof ListCenters.request>, caller: Caller) {
    const scope = centerScope(caller);
    if (scope === null) return { items: [] };
    const rows = await this.em().find(
      Center,
      {
        $and: [
          scope,
          input.status ? { status: input.status } : {},
          input.regionCode ? { regionCode: { $like: `${input.regionCode}%` } } : {},
          input.field ? { $or: [{ fieldZh: { $ilike: `%${input.field}%` } }, { fieldEn: { $ilike: `%${input.field}%` } }] } : {},
          input.cursor ? { id: { $lt: input.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, toCenterDto);
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

/** Which centers a caller sees (DOMAIN.md §1), from the policy's list scope. */
function centerScope(caller: Caller): FilterQuery<Center> | null {
  return scopeFilter<Center>(listScope(caller, 'center'));
}

export function toCenterDto(c: Center): CenterDto {
  return {
    id: c.id, version: c.version, name: { zh: c.nameZh, en: c.nameEn }, field: { zh: c.fieldZh, en: c.fieldEn }, status: c.status,
    track: c.track, applicationId: c.applicationId, supportingUnitId: c.supportingUnitId, coBuilderIds: c.coBuilderIds,
    constructionUnitId: c.constructionUnitId, recommenderId: c.recommenderId, regionCode: c.regionCode, establishedOn: c.establishedOn,
    preparationEndsOn: c.preparationEndsOn, preparationEndsOnProvisional: c.preparationEndsOnProvisional, filedOn: c.filedOn,
    createdAt: c.createdAt.toISOString(),
  };
}
