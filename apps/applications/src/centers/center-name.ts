import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { LocalizedText } from '@tic/domain';
import { refuse, type RpcFailure } from '@tic/platform';

import { Center } from './center.entity';
import { CENTER_REFUSALS } from './centers.refusals';

const NAME_INDEXES = /center_name_(zh|en)_live_unique/;

/** A37: the refusal for a name that a center not revoked bears, naming the field it comes from. */
export function nameTaken(name: LocalizedText, path = 'field'): RpcFailure {
  return refuse(
    CENTER_REFUSALS.name_taken,
    { name: name.zh, nameEn: name.en },
    { rule: 'A37-naming', errors: [{ path, message: `makes the name ${name.en}, which is taken` }] },
  );
}

/**
 * A37: refuses a name already borne by a center that is not revoked (the unique index backs it in a race);
 * a center being renamed does not hold its own way.
 */
export async function assertNameFree(
  em: EntityManager,
  name: LocalizedText,
  renaming?: { readonly centerId: string; readonly path: string },
): Promise<void> {
  if ((await em.getRepository(Center).holderOfName(name, renaming?.centerId)) !== null) {
    throw nameTaken(name, renaming?.path);
  }
}

/** Whether a failed commit is a race lost on A37's unique names. */
export function isNameViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException && NAME_INDEXES.test(error.message);
}
