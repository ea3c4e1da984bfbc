import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { maskResidentId } from '@tic/domain';

import type { KeyRing } from './key-ring';

export const IDENTITY_KEYS = Symbol('IDENTITY_KEYS');

export interface IdentityKeys {
  readonly encryption: KeyRing;
  readonly hmac: Buffer;
}

/** How a resident ID number is kept: encrypted, a keyed hash to find it by, and its masked form. */
export interface ProtectedIdNumber {
  readonly ciphertext: string;
  readonly keyId: string;
  readonly hash: string;
  readonly masked: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Resident ID numbers at rest (DOMAIN.md §6): AES-256-GCM bound to the person's id, so that a
 * ciphertext copied onto another row does not decrypt; and HMAC-SHA-256 for lookups, so that the
 * duplicate check compares hashes and never decrypts.
 */
@Injectable()
export class IdentityNumbers {
  constructor(@Inject(IDENTITY_KEYS) private readonly keys: IdentityKeys) {}

  get currentKeyId(): string {
    return this.keys.encryption.current.id;
  }

  protect(personId: string, idNumber: string): ProtectedIdNumber {
    const normalized = normalize(idNumber);
    return { ...this.encrypt(personId, normalized), hash: this.hash(normalized), masked: maskResidentId(normalized) };
  }

  /** The lookup hash of a number as typed (spaces and a lower-case x do not matter). */
  hash(idNumber: string): string {
    return createHmac('sha256', this.keys.hmac).update(normalize(idNumber)).digest('hex');
  }

  encrypt(personId: string, idNumber: string): { ciphertext: string; keyId: string } {
    const { id, key } = this.keys.encryption.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(personId));
    const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: id };
  }

  decrypt(personId: string, stored: { ciphertext: string; keyId: string }): string {
    const key = this.keys.encryption.all.get(stored.keyId);
    if (key === undefined) throw new Error(`resident ID key ${stored.keyId} is not configured`);
    const bytes = Buffer.from(stored.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(personId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}

function normalize(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
