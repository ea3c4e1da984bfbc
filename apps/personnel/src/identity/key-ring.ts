import type { z } from 'zod';

export interface EncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

/** The keys of resident ID numbers: `current` encrypts, every key of `all` decrypts. */
export interface KeyRing {
  readonly current: EncryptionKey;
  readonly all: ReadonlyMap<string, Buffer>;
}

/** Parses `id:base64,id:base64…` (each key 32 bytes, AES-256); the first is the current one. */
export function parseKeyRing(value: string, ctx: z.RefinementCtx): KeyRing {
  const keys: EncryptionKey[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (separator < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'each key must be written id:base64 with a 32-byte key' });
      return undefined as never;
    }
    keys.push({ id, key });
  }
  const [current] = keys;
  if (current === undefined || new Set(keys.map((k) => k.id)).size !== keys.length) {
    ctx.addIssue({ code: 'custom', message: 'needs at least one key, with distinct ids' });
    return undefined as never;
  }
  return { current, all: new Map(keys.map((k) => [k.id, k.key])) };
}

/** A base64 secret of at least 32 bytes. */
export function parseSecret(value: string, ctx: z.RefinementCtx): Buffer {
  const secret = Buffer.from(value, 'base64');
  if (secret.length < 32) ctx.addIssue({ code: 'custom', message: 'must be a base64 secret of at least 32 bytes' });
  return secret;
}
