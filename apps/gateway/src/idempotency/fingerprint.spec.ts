import { createHash } from 'node:crypto';

import { canonicalJson, requestFingerprint as fingerprintWith } from './fingerprint';

const KEY = Buffer.alloc(32, 1);
const requestFingerprint = (method: string, path: string, body: unknown) => fingerprintWith(KEY, method, path, body);

describe('request fingerprints (Idempotency-Key)', () => {
  it('ignore the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestFingerprint('POST', '/api/v1/calls', { a: 1, b: 2 })).toBe(
      requestFingerprint('post', '/api/v1/calls', { b: 2, a: 1 }),
    );
  });

  it('differ with the body, the path or the method', () => {
    const base = requestFingerprint('POST', '/api/v1/calls', { a: 1 });
    expect(requestFingerprint('POST', '/api/v1/calls', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/notices', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/calls', { a: 1 })).not.toBe(base);
  });

  it('are keyed: without the key, hashing a guessed body does not find the stored fingerprint', () => {
    const body = { name: '张伟', idNumber: '11010519491231002X' };
    const stored = requestFingerprint('POST', '/api/v1/people', body);
    const guess = createHash('sha256')
      .update(`POST /api/v1/people\n${canonicalJson(body)}`)
      .digest('hex');
    expect(stored).not.toBe(guess);
    expect(fingerprintWith(Buffer.alloc(32, 2), 'POST', '/api/v1/people', body)).not.toBe(stored);
  });
});
