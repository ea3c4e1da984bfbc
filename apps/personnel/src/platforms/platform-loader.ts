import type { EntityManager } from '@mikro-orm/postgresql';

import { RpcFailure, type Caller } from '@tic/platform';

import { canSeePlatform } from '../access/platform-scope';
import { Platform } from './platform.entity';

/** The platform, when the caller may see it; otherwise 404, so that existence does not leak. */
export async function loadVisiblePlatform(em: EntityManager, id: string, caller: Caller): Promise<Platform> {
  const platform = await em.findOne(Platform, { id });
  if (!platform || !canSeePlatform(caller, platform)) throw RpcFailure.notFound({ zh: '科技创新平台', en: 'Platform' });
  return platform;
}

/** A TIC of the registry, which committees and the compliance read are about. */
export async function loadVisibleCenter(em: EntityManager, id: string, caller: Caller): Promise<Platform> {
  const platform = await loadVisiblePlatform(em, id, caller);
  if (platform.kind !== 'technology_innovation_center') throw RpcFailure.notFound({ zh: '技术创新中心', en: 'Center' });
  return platform;
}
