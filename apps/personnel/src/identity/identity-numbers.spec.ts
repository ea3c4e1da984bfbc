import { z } from 'zod';

import { residentIdCheckCharacter } from '@tic/domain';

import { IdentityNumbers } from './identity-numbers';
import { parseKeyRing, parseSecret } from './key-ring';

const keyRing = (value: string) =>
  z
    .string()
    .transform((v, ctx) => parseKeyRing(v, ctx))
    .parse(value);
const key = (fill: string) => Buffer.alloc(32, fill).toString('base64');
const first17 = '21010219800101123';
const ID_NUMBER = first17 + residentIdCheckCharacter(first17);

describe('IdentityNumbers: resident ID numbers at rest', () => {
  const hmac = Buffer.alloc(32, 'h');
  const current = new IdentityNumbers({ encryption: keyRing(`k2:${key('b')},k1:${key('a')}`), hmac });

  it('encrypts under the first key, bound to the person: another row’s id does not decrypt it', () => {
    const stored = current.protect('person-1', ID_NUMBER);
    expect(stored).toMatchObject({ keyId: 'k2', masked: '2101**********' + ID_NUMBER.slice(-4) });
    expect(Buffer.from(stored.ciphertext, 'base64').toString('latin1')).not.toContain(ID_NUMBER);
    expect(current.decrypt('person-1', stored)).toBe(ID_NUMBER);
    expect(() => current.decrypt('person-2', stored)).toThrow();
  });

  it('encrypts the same number differently each time, and hashes it the same way however it is typed', () => {
    expect(current.protect('p', ID_NUMBER).ciphertext).not.toBe(current.protect('p', ID_NUMBER).ciphertext);
    const lowerX = '11010519491231002X';
    expect(current.hash(` ${lowerX.toLowerCase()} `)).toBe(current.hash(lowerX));
    expect(current.hash(ID_NUMBER)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('still decrypts what an older key encrypted, and the hash does not depend on the encryption key', () => {
    const old = new IdentityNumbers({ encryption: keyRing(`k1:${key('a')}`), hmac });
    const stored = old.protect('person-1', ID_NUMBER);
    expect(current.decrypt('person-1', stored)).toBe(ID_NUMBER);
    expect(current.hash(ID_NUMBER)).toBe(stored.hash);
    const withoutOld = new IdentityNumbers({ encryption: keyRing(`k2:${key('b')}`), hmac });
    expect(() => withoutOld.decrypt('person-1', stored)).toThrow('resident ID key k1 is not configured');
  });
});

describe('key settings', () => {
  it('refuse a key that is not 32 bytes, a missing id, repeated ids and a short HMAC secret', () => {
    for (const bad of [
      `k1:${Buffer.alloc(16).toString('base64')}`,
      `:${key('a')}`,
      `k1:${key('a')},k1:${key('b')}`,
      '',
    ]) {
      expect(
        z
          .string()
          .transform((v, ctx) => parseKeyRing(v, ctx))
          .safeParse(bad).success,
      ).toBe(false);
    }
    expect(
      z
        .string()
        .transform((v, ctx) => parseSecret(v, ctx))
        .safeParse(Buffer.alloc(16).toString('base64')).success,
    ).toBe(false);
  });
});
