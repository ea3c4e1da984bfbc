import 'reflect-metadata';

import { MikroORM } from '@mikro-orm/postgresql';

import { loadConfig, ormConfig } from '@tic/platform';

import { personnelConfigSchema } from '../config';
import { PERSONNEL_ENTITIES } from '../entities';
import { IdentityNumbers } from '../identity/identity-numbers';
import { reencryptIdNumbers } from '../identity/key-rotation';

// `npm run rotate-keys -w @tic/personnel`, after putting the new key first in PERSONNEL_ID_ENCRYPTION_KEYS:
// re-encrypts every stored number under it; the old key can then be dropped from the list.
async function main(): Promise<void> {
  const config = loadConfig(personnelConfigSchema);
  const orm = await MikroORM.init(
    ormConfig({
      databaseUrl: config.DATABASE_URL,
      schema: 'personnel',
      entities: PERSONNEL_ENTITIES,
      migrationsPath: __dirname,
    }),
  );
  try {
    const identityNumbers = new IdentityNumbers({
      encryption: config.PERSONNEL_ID_ENCRYPTION_KEYS,
      hmac: config.PERSONNEL_ID_HMAC_KEY,
    });
    const count = await reencryptIdNumbers(orm.em, identityNumbers);
    process.stdout.write(`re-encrypted ${count} resident ID numbers under key ${identityNumbers.currentKeyId}\n`);
  } finally {
    await orm.close();
  }
}

void main();
