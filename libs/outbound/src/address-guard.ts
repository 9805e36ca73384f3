import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { OutboundError } from './outbound-error';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An allowlist parsed once: host names compared exactly (case-insensitive), CIDRs matched by address. */
export interface CompiledAllowlist {
  hostNames: ReadonlySet<string>;
  ranges: ReadonlyArray<[Address, number]>;
}

/**
 * Only ordinary unicast addresses are reachable. IPv6 is further limited to the global unicast block
 * 2000::/3, which shuts out what ipaddr.js still calls `unicast` below it: IPv4-compatible `::a.b.c.d`,
 * the NAT64 prefix 64:ff9b::/96 (a NAT64 gateway would forward to internal IPv4 addresses) and
 * unassigned space. Deny by default: an address the range table does not know is refused.
 */
const GLOBAL_UNICAST_V6: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2000::'), 3];

/** `NEWSFLOW_OUTBOUND_ALLOWLIST`: comma-separated host names, IPs or CIDRs; blanks ignored. */
export function parseAllowlist(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

const HOST_NAME =
  /^(?=.{1,253}\.?$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/** Throws on an entry that is neither a host name, an IP address nor a CIDR, so a typo fails loudly. */
export function compileAllowlist(entries: readonly string[]): CompiledAllowlist {
  const hostNames = new Set<string>();
  const ranges: Array<[Address, number]> = [];
  for (const raw of entries) {
    const entry = stripBrackets(raw.trim());
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`outbound allowlist: "${raw}" is not a valid CIDR`);
      ranges.push(normaliseRange(ipaddr.parseCIDR(entry)));
    } else if (isIP(entry) !== 0) {
      const address = ipaddr.process(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      // An IP entry also matches the URL's host when that host is the literal itself.
      hostNames.add(address.toString());
    } else if (HOST_NAME.test(entry)) {
      hostNames.add(entry.toLowerCase());
    } else {
      throw new Error(`outbound allowlist: "${raw}" is neither a host name, an IP address nor a CIDR`);
    }
  }
  return { hostNames, ranges };
}

/** True when `host` (a URL host name, brackets allowed) is named in the allowlist. */
export function isAllowlistedHost(host: string, allowlist: CompiledAllowlist): boolean {
  const bare = stripBrackets(host).toLowerCase();
  if (allowlist.hostNames.has(bare)) return true;
  return isIP(bare) !== 0 && allowlist.hostNames.has(ipaddr.process(bare).toString());
}

export function isBlockedAddress(ip: string, allowlist: string[]): boolean {
  return isBlockedByPolicy(ip, compileAllowlist(allowlist));
}

/** Fails closed: anything that does not parse as an IP address is blocked. */
export function isBlockedByPolicy(ip: string, allowlist: CompiledAllowlist): boolean {
  const bare = stripBrackets(ip);
  if (isIP(bare) === 0) return true;
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
  const address = ipaddr.process(bare);
  if (allowlist.ranges.some((range) => matches(address, range))) return false;
  if (address.range() !== 'unicast') return true;
  return address.kind() === 'ipv6' && !matches(address, GLOBAL_UNICAST_V6);
}

/**
 * A `lookup` for net/tls connect: resolves every address of the name and keeps only the permitted
 * ones, so the socket can only ever connect to an address that passed the guard — at connect time, for
 * every hop, whatever the DNS answered earlier (DNS rebinding). A name in the allowlist is not checked.
 */
export function createGuardedLookup(allowlist: CompiledAllowlist): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '');
        return;
      }
      const permitted = isAllowlistedHost(hostname, allowlist)
        ? addresses
        : addresses.filter((entry) => !isBlockedByPolicy(entry.address, allowlist));
      const first = permitted[0];
      if (first === undefined) {
        const resolved = addresses.map((entry) => entry.address).join(', ');
        callback(blockedError(hostname, resolved), '');
        return;
      }
      if (options.all === true) callback(null, permitted);
      else callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host now (or takes a literal) and throws `blocked_address` unless a permitted address remains. */
export async function assertHostPermitted(host: string, allowlist: CompiledAllowlist): Promise<void> {
  const bare = stripBrackets(host);
  if (isAllowlistedHost(bare, allowlist)) return;
  if (isIP(bare) !== 0) {
    if (isBlockedByPolicy(bare, allowlist)) throw blockedError(bare, bare);
    return;
  }
  const addresses = await resolveAll(bare);
  if (!addresses.some((entry) => !isBlockedByPolicy(entry.address, allowlist))) {
    throw blockedError(bare, addresses.map((entry) => entry.address).join(', '));
  }
}

export function blockedError(host: string, addresses: string): OutboundError {
  const resolved = host === addresses ? '' : ` (resolves to ${addresses})`;
  return new OutboundError(
    'blocked_address',
    `${host}${resolved} is a loopback, private, link-local or otherwise non-public address; ` +
      'add it to NEWSFLOW_OUTBOUND_ALLOWLIST if it must be reachable',
  );
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses) => {
      if (!error) {
        resolve(addresses);
      } else if (error.code === 'ENOTFOUND') {
        reject(new OutboundError('invalid_url', `host ${host} does not resolve`, { cause: error }));
      } else {
        reject(new OutboundError('network', `could not resolve ${host}: ${error.message}`, { cause: error }));
      }
    });
  });
}

export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function matches(address: Address, [base, bits]: [Address, number]): boolean {
  if (address instanceof ipaddr.IPv4 && base instanceof ipaddr.IPv4) return address.match(base, bits);
  if (address instanceof ipaddr.IPv6 && base instanceof ipaddr.IPv6) return address.match(base, bits);
  return false;
}

/** ::ffff:10.0.0.0/104 means 10.0.0.0/8: compare it the way process() presents the addresses. */
function normaliseRange([base, bits]: [Address, number]): [Address, number] {
  if (base instanceof ipaddr.IPv6 && base.isIPv4MappedAddress() && bits >= 96) {
    return [base.toIPv4Address(), bits - 96];
  }
  return [base, bits];
}
