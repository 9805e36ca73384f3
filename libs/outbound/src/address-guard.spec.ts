import { isBlockedAddress, parseAllowlist } from './address-guard';

describe('isBlockedAddress', () => {
  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback, whole /8', '127.255.255.254'],
    ['IPv6 loopback', '::1'],
    ['private 10/8', '10.0.0.1'],
    ['private 172.16/12', '172.16.0.1'],
    ['private 172.16/12, top', '172.31.255.255'],
    ['private 192.168/16', '192.168.1.1'],
    ['IPv6 unique local', 'fc00::1'],
    ['IPv6 unique local fd', 'fd12:3456::1'],
    ['cloud metadata', '169.254.169.254'],
    ['link-local', '169.254.0.1'],
    ['IPv6 link-local', 'fe80::1'],
    ['unspecified', '0.0.0.0'],
    ['this network 0/8', '0.1.2.3'],
    ['IPv6 unspecified', '::'],
    ['CGNAT', '100.64.0.1'],
    ['CGNAT, top', '100.127.255.255'],
    ['multicast', '224.0.0.1'],
    ['IPv6 multicast', 'ff02::1'],
    ['broadcast', '255.255.255.255'],
    ['reserved 240/4', '240.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped loopback, hex form', '::ffff:7f00:1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-mapped unspecified', '::ffff:0.0.0.0'],
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['NAT64 of a private address', '64:ff9b::a00:1'],
    ['6to4 of loopback', '2002:7f00:1::1'],
    ['documentation range', '2001:db8::1'],
    ['bracketed IPv6 loopback', '[::1]'],
  ])('blocks %s (%s)', (_label, ip) => {
    expect(isBlockedAddress(ip, [])).toBe(true);
  });

  it.each([
    ['a public IPv4 address', '93.184.215.14'],
    ['just above 172.16/12', '172.32.0.1'],
    ['just above CGNAT', '100.128.0.1'],
    ['a public IPv6 address', '2606:4700:4700::1111'],
    ['an IPv4-mapped public address', '::ffff:8.8.8.8'],
  ])('allows %s (%s)', (_label, ip) => {
    expect(isBlockedAddress(ip, [])).toBe(false);
  });

  it.each(['localhost', '', '0177.0.0.1', '2130706433', '127.1', 'not an address'])(
    'fails closed on %j, which is not a canonical IP address',
    (value) => {
      expect(isBlockedAddress(value, [])).toBe(true);
    },
  );

  it('exempts exactly the allowlisted address', () => {
    expect(isBlockedAddress('127.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(isBlockedAddress('127.0.0.2', ['127.0.0.1'])).toBe(true);
    expect(isBlockedAddress('::1', ['127.0.0.1'])).toBe(true);
    expect(isBlockedAddress('::1', ['::1'])).toBe(false);
  });

  it('exempts addresses inside an allowlisted CIDR', () => {
    expect(isBlockedAddress('10.1.2.3', ['10.0.0.0/8'])).toBe(false);
    expect(isBlockedAddress('192.168.1.1', ['10.0.0.0/8'])).toBe(true);
    expect(isBlockedAddress('fd00::5', ['fd00::/8'])).toBe(false);
  });

  it('matches IPv4-mapped addresses against IPv4 entries and mapped entries against IPv4 addresses', () => {
    expect(isBlockedAddress('::ffff:127.0.0.1', ['127.0.0.1'])).toBe(false);
    expect(isBlockedAddress('10.9.9.9', ['::ffff:10.0.0.0/104'])).toBe(false);
  });

  it('does not let a host-name entry exempt an address', () => {
    expect(isBlockedAddress('127.0.0.1', ['localhost'])).toBe(true);
  });

  it('rejects an allowlist entry that is not a host name, IP or CIDR', () => {
    expect(() => isBlockedAddress('127.0.0.1', ['10.0.0.0/33'])).toThrow(/not a valid CIDR/);
    expect(() => isBlockedAddress('127.0.0.1', ['feeds.example.com:8080'])).toThrow(/neither a host name/);
  });
});

describe('parseAllowlist', () => {
  it('reads NEWSFLOW_OUTBOUND_ALLOWLIST as a trimmed comma-separated list', () => {
    expect(parseAllowlist(' 127.0.0.1 , feeds.internal,10.0.0.0/8 ')).toEqual([
      '127.0.0.1',
      'feeds.internal',
      '10.0.0.0/8',
    ]);
  });

  it('treats unset, empty and blank entries as nothing', () => {
    expect(parseAllowlist(undefined)).toEqual([]);
    expect(parseAllowlist('')).toEqual([]);
    expect(parseAllowlist(' , ,')).toEqual([]);
  });
});
