import type { EntityManager } from '@mikro-orm/core';

import { Person } from '../people/person.entity';
import type { IdentityNumbers } from './identity-numbers';

const BATCH = 1000;

/**
 * Re-encrypts every resident ID number not yet under the current key, a batch per transaction, so
 * that an old key can be removed from the configuration afterwards. The lookup hash does not change.
 */
export async function reencryptIdNumbers(em: EntityManager, identityNumbers: IdentityNumbers): Promise<number> {
  let done = 0;
  for (;;) {
    const moved = await em.fork().transactional(async (tx) => {
      const batch = await tx.find(
        Person,
        { idNumberKeyId: { $ne: identityNumbers.currentKeyId } },
        { populate: ['idNumberCiphertext'], limit: BATCH, orderBy: { id: 'asc' } },
      );
      for (const person of batch) {
        const idNumber = identityNumbers.decrypt(person.id, {
          ciphertext: person.idNumberCiphertext,
          keyId: person.idNumberKeyId,
        });
        const encrypted = identityNumbers.encrypt(person.id, idNumber);
        person.idNumberCiphertext = encrypted.ciphertext;
        person.idNumberKeyId = encrypted.keyId;
      }
      return batch.length;
    });
    done += moved;
    if (moved < BATCH) return done;
  }
}
