import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { notFound } from '@tic/domain';
import { requireAccess, RpcFailure, type Caller } from '@tic/platform';

import { IdentityNumbers } from '../identity/identity-numbers';
import { Person } from './person.entity';

/** How a unit names a person in a command: by an id it already sees, or by presenting the number. */
export interface PersonReference {
  readonly personId?: string | undefined;
  readonly idNumber?: string | undefined;
}

/**
 * Whom a unit names in an appointment or a committee: someone it already sees, named by id, or someone it
 * proves it knows by presenting their number (its registrations quota is spent by the caller). Anyone
 * else is a 404 exactly like an id that does not exist (issue 9: naming a person put anyone's record and
 * posts in the unit's scope).
 */
@Injectable()
export class NamedPeople {
  constructor(private readonly identityNumbers: IdentityNumbers) {}

  /** The person named, locked for the rest of the transaction when `lock` says so. */
  async resolve(em: EntityManager, reference: PersonReference, caller: Caller, lock = false): Promise<Person> {
    const people = em.getRepository(Person);
    const found =
      reference.idNumber !== undefined
        ? await people.findByIdNumberHash(this.identityNumbers.hash(reference.idNumber))
        : reference.personId === undefined
          ? null
          : await people.findOne({ id: reference.personId });
    if (!found) throw personNotFound();
    // Seen before locked: a unit must not hold a lock on someone it may not see.
    if (reference.idNumber === undefined) requireAccess(caller, 'person.read', await people.facts(found));
    if (!lock) return found;
    const locked = await people.findForUpdate(found.id);
    if (!locked) throw personNotFound();
    return locked;
  }
}

/** The same answer whether the person does not exist, is outside the caller's scope, or the number is unknown. */
export function personNotFound(): RpcFailure {
  return RpcFailure.denied(notFound('person'));
}
