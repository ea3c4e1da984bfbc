import { addressMatcher } from './address-list';

describe('address lists (TRUST_PROXY, HEALTH_DETAILS_FROM)', () => {
  it('matches addresses, CIDR ranges and IPv4 clients of a dual-stack socket', () => {
    const matches = addressMatcher(['10.1.2.3', '192.168.0.0/16', '2001:db8::/32']);
    expect(['10.1.2.3', '::ffff:192.168.7.1', '2001:db8::5'].map(matches)).toEqual([true, true, true]);
    expect(['10.1.2.4', '192.169.0.1', '2001:db9::1'].map(matches)).toEqual([false, false, false]);
  });

  it('knows proxy-addr’s named ranges, as Fastify does for TRUST_PROXY', () => {
    expect(['127.0.0.1', '::1'].map(addressMatcher(['loopback']))).toEqual([true, true]);
    expect(['169.254.1.1', 'fe80::1', '10.0.0.1'].map(addressMatcher(['linklocal']))).toEqual([true, true, false]);
    expect(
      ['10.0.0.1', '172.20.0.1', '192.168.1.1', 'fd00::1', '8.8.8.8'].map(addressMatcher(['uniquelocal'])),
    ).toEqual([true, true, true, true, false]);
  });

  it('matches nothing when the list is empty or false', () => {
    expect(addressMatcher(false)('127.0.0.1')).toBe(false);
    expect(addressMatcher([])('127.0.0.1')).toBe(false);
  });
});
