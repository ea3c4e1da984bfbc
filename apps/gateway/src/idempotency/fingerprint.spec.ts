import { canonicalJson, requestFingerprint } from './fingerprint';

describe('request fingerprints (Idempotency-Key)', () => {
  it('ignore the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(requestFingerprint('POST', '/api/v1/calls', { a: 1, b: 2 })).toBe(requestFingerprint('post', '/api/v1/calls', { b: 2, a: 1 }));
  });

  it('differ with the body, the path or the method', () => {
    const base = requestFingerprint('POST', '/api/v1/calls', { a: 1 });
    expect(requestFingerprint('POST', '/api/v1/calls', { a: 2 })).not.toBe(base);
    expect(requestFingerprint('POST', '/api/v1/notices', { a: 1 })).not.toBe(base);
    expect(requestFingerprint('PUT', '/api/v1/calls', { a: 1 })).not.toBe(base);
  });
});
