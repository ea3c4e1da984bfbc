import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ListPlatforms, PlatformDto, RegisterPlatform } from '@tic/contracts';
import { newId, pageOf, RpcFailure, type Caller, type In } from '@tic/platform';

import { platformScope } from '../access/platform-scope';
import { loadVisiblePlatform } from './platform-loader';
import { Platform } from './platform.entity';

/** The provincial platforms the one-platform rule spans (A18). */
@Injectable()
export class PlatformsService {
  constructor(private readonly orm: MikroORM) {}

  async register(input: In<typeof RegisterPlatform>, caller: Caller): Promise<PlatformDto> {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可登记科技创新平台', en: 'Only DST registers platforms' });
    const em = this.em();
    const sameName = await em.findOne(Platform, { name: input.name, kind: input.kind });
    if (sameName) {
      throw RpcFailure.of('conflict', { zh: `已登记同名平台“${input.name}”`, en: `A platform named ${input.name} is already registered` }, { errors: [{ path: 'name', message: 'is already registered' }] });
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
    await em.persist(platform).flush();
    return toPlatformDto(platform);
  }

  async get(id: string, caller: Caller): Promise<PlatformDto> {
    return toPlatformDto(await loadVisiblePlatform(this.em(), id, caller));
  }

  async list(input: In<typeof ListPlatforms>, caller: Caller) {
    const scope = platformScope(caller);
    if (scope === null) return { items: [] };
    const rows = await this.em().find(
      Platform,
      {
        $and: [
          scope,
          input.kind ? { kind: input.kind } : {},
          input.status ? { status: input.status } : {},
          input.name ? { name: { $ilike: `%${input.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {},
          input.cursor ? { id: { $lt: input.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, toPlatformDto);
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

export function toPlatformDto(p: Platform): PlatformDto {
  return {
    id: p.id, name: p.name, kind: p.kind, status: p.status, code: p.code, supportingUnitId: p.supportingUnitId,
    constructionUnitId: p.constructionUnitId, recommenderId: p.recommenderId, coBuilderIds: p.coBuilderIds, source: p.source,
    createdAt: p.createdAt.toISOString(),
  };
}
