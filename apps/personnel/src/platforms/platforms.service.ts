import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { RegisterPlatform, type ListPlatforms, type PlatformDto } from '@tic/contracts';
import { newId, pageOf, refuse, requireAccess, UnitOfWork, type Caller, type In } from '@tic/platform';

import { Platform } from './platform.entity';
import { PLATFORM_REFUSALS } from './platform.refusals';

/** The provincial platforms the one-platform rule spans (A18). */
@Injectable()
export class PlatformsService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  register(input: In<typeof RegisterPlatform>, caller: Caller): Promise<PlatformDto> {
    requireAccess(caller, 'platform.register', {
      kind: 'platform',
      supportingUnitId: input.supportingUnitId,
      ...(input.recommenderId === undefined ? {} : { recommenderId: input.recommenderId }),
    });
    return this.uow.run(RegisterPlatform, input, async ({ em }) => {
      const platforms = em.getRepository(Platform);
      if (await platforms.findByName(input.name, input.kind)) {
        throw refuse(
          PLATFORM_REFUSALS.name_taken,
          { name: input.name },
          { errors: [{ path: 'name', message: 'is already registered' }] },
        );
      }
      const platform = em.create(Platform, {
        id: newId(),
        name: input.name,
        kind: input.kind,
        code: input.code ?? null,
        supportingUnitId: input.supportingUnitId,
        recommenderId: input.recommenderId ?? null,
        source: 'api',
      });
      em.persist(platform);
      return toPlatformDto(platform);
    });
  }

  async get(id: string, caller: Caller): Promise<PlatformDto> {
    return toPlatformDto(await this.em.fork().getRepository(Platform).findVisible(id, caller));
  }

  async list(input: In<typeof ListPlatforms>, caller: Caller) {
    const platforms = this.em.fork().getRepository(Platform);
    const scope = await platforms.visibleFilter(caller);
    if (scope === null) return { items: [] };
    return pageOf(await platforms.page(scope, input, input.limit), input.limit, (row) => row.id, toPlatformDto);
  }
}

export function toPlatformDto(p: Platform): PlatformDto {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    status: p.status,
    code: p.code,
    supportingUnitId: p.supportingUnitId,
    constructionUnitId: p.constructionUnitId,
    recommenderId: p.recommenderId,
    coBuilderIds: p.coBuilderIds,
    source: p.source,
    createdAt: p.createdAt.toISOString(),
  };
}
