/**
 * Address ranges and names the URL policy knows, as data, each row with its source.
 * Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (every row they
 * hold, as of the 2025-04 IPv6 update), the IPv4 multicast block, IPv6 global unicast
 * (2000::/3) and the deprecated IPv6 forms outside the registries, the Special-Use
 * Domain Names registry, and the fixed addresses cloud platforms use for instance
 * metadata. The most specific matching row decides, so a narrow row can override the
 * block it sits in.
 *
 * Every special-purpose block is refused, including those the registries mark globally
 * reachable (PCP and TURN anycast, AS112, AMT, ORCHIDv2, DETs, NAT64, 6to4, Teredo):
 * each serves a protocol, never a customer's tracker. Only an operator `allow` entry
 * naming the address or its range admits one.
 */

/**
 * What a row means for a target:
 * - `global`: public unicast, may be a target (only IPv6 global unicast has this row;
 *   IPv4 outside every row is public);
 * - `private`: private, local or loopback space (reported by the `private_network` check);
 * - `reserved`: any other special-purpose space (the `reserved_ip` check);
 * - `metadata`: a cloud metadata service (`private_network`); only an allow entry naming
 *   exactly this address admits it;
 * - `embedded`: refused; the IPv4 address carried inside names the check: private or
 *   metadata space reports as such, anything else (public included) as reserved.
 */
export type RangeScope = 'global' | 'private' | 'reserved' | 'metadata' | 'embedded';

/** Where an IPv6 row carries an IPv4 address. */
export type Embedding = 'low32' | '6to4' | 'teredo';

/**
 * One row: the block, its registry name, what it means for a target, the document that
 * defines it (an RFC, or the vendor for cloud platform addresses), and where an IPv6
 * block carries an IPv4 address.
 */
export type RangeRow = readonly [cidr: string, name: string, scope: RangeScope, source: string, embeds?: Embedding];

export const IPV4_RANGES: readonly RangeRow[] = [
  ['0.0.0.0/8', 'This network', 'reserved', 'RFC 791'],
  // Connecting to 0.0.0.0 reaches the local host on common systems.
  ['0.0.0.0/32', 'This host on this network', 'private', 'RFC 1122'],
  ['10.0.0.0/8', 'Private-Use', 'private', 'RFC 1918'],
  ['100.64.0.0/10', 'Shared Address Space', 'private', 'RFC 6598'],
  ['127.0.0.0/8', 'Loopback', 'private', 'RFC 1122'],
  ['169.254.0.0/16', 'Link Local', 'private', 'RFC 3927'],
  ['172.16.0.0/12', 'Private-Use', 'private', 'RFC 1918'],
  ['192.0.0.0/24', 'IETF Protocol Assignments', 'reserved', 'RFC 6890'],
  ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'reserved', 'RFC 7335'],
  ['192.0.0.8/32', 'IPv4 dummy address', 'reserved', 'RFC 7600'],
  ['192.0.0.9/32', 'Port Control Protocol Anycast', 'reserved', 'RFC 7723'],
  ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'reserved', 'RFC 8155'],
  ['192.0.0.170/31', 'NAT64/DNS64 Discovery', 'reserved', 'RFC 8880'],
  ['192.0.2.0/24', 'Documentation (TEST-NET-1)', 'reserved', 'RFC 5737'],
  ['192.31.196.0/24', 'AS112-v4', 'reserved', 'RFC 7535'],
  ['192.52.193.0/24', 'AMT', 'reserved', 'RFC 7450'],
  ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'reserved', 'RFC 7526'],
  ['192.88.99.2/32', '6a44-relay anycast address', 'reserved', 'RFC 6751'],
  ['192.168.0.0/16', 'Private-Use', 'private', 'RFC 1918'],
  ['192.175.48.0/24', 'Direct Delegation AS112 Service', 'reserved', 'RFC 7534'],
  ['198.18.0.0/15', 'Benchmarking', 'reserved', 'RFC 2544'],
  ['198.51.100.0/24', 'Documentation (TEST-NET-2)', 'reserved', 'RFC 5737'],
  ['203.0.113.0/24', 'Documentation (TEST-NET-3)', 'reserved', 'RFC 5737'],
  ['224.0.0.0/4', 'Multicast', 'reserved', 'RFC 5771'],
  ['240.0.0.0/4', 'Reserved', 'reserved', 'RFC 1112'],
  ['255.255.255.255/32', 'Limited Broadcast', 'reserved', 'RFC 8190'],
  // Cloud metadata and platform services.
  ['169.254.169.254/32', 'Cloud metadata service (AWS, Azure, Google Cloud, Oracle, DigitalOcean, OpenStack)', 'metadata', 'vendor documentation'],
  ['169.254.170.2/32', 'Cloud metadata service (AWS ECS task credentials)', 'metadata', 'AWS documentation'],
  ['168.63.129.16/32', 'Cloud platform service (Azure WireServer)', 'metadata', 'Azure documentation'],
  ['100.100.100.200/32', 'Cloud metadata service (Alibaba Cloud)', 'metadata', 'Alibaba Cloud documentation'],
];

export const IPV6_RANGES: readonly RangeRow[] = [
  ['::/0', 'Outside IPv6 global unicast (2000::/3)', 'reserved', 'RFC 4291'],
  ['2000::/3', 'Global Unicast', 'global', 'RFC 4291'],
  ['::/128', 'Unspecified Address', 'reserved', 'RFC 4291'],
  ['::1/128', 'Loopback Address', 'private', 'RFC 4291'],
  ['::ffff:0:0/96', 'IPv4-mapped Address', 'embedded', 'RFC 4291', 'low32'],
  // Deprecated and outside the registry; reported as reserved whatever it carries.
  ['::/96', 'IPv4-compatible Address (deprecated)', 'reserved', 'RFC 4291', 'low32'],
  ['::ffff:0:0:0/96', 'IPv4-translated Address', 'reserved', 'RFC 2765', 'low32'],
  ['64:ff9b::/96', 'IPv4-IPv6 Translation (NAT64 well-known prefix)', 'embedded', 'RFC 6052', 'low32'],
  ['64:ff9b:1::/48', 'IPv4-IPv6 Translation (NAT64 local-use prefix)', 'private', 'RFC 8215', 'low32'],
  ['100::/64', 'Discard-Only Address Block', 'reserved', 'RFC 6666'],
  ['100:0:0:1::/64', 'Dummy IPv6 Prefix', 'reserved', 'RFC 9780'],
  ['2001::/23', 'IETF Protocol Assignments', 'reserved', 'RFC 2928'],
  ['2001::/32', 'TEREDO', 'embedded', 'RFC 4380', 'teredo'],
  ['2001:1::1/128', 'Port Control Protocol Anycast', 'reserved', 'RFC 7723'],
  ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'reserved', 'RFC 8155'],
  ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'reserved', 'RFC 9665'],
  ['2001:2::/48', 'Benchmarking', 'reserved', 'RFC 5180'],
  ['2001:3::/32', 'AMT', 'reserved', 'RFC 7450'],
  ['2001:4:112::/48', 'AS112-v6', 'reserved', 'RFC 7535'],
  ['2001:10::/28', 'Deprecated (previously ORCHID)', 'reserved', 'RFC 4843'],
  ['2001:20::/28', 'ORCHIDv2', 'reserved', 'RFC 7343'],
  ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'reserved', 'RFC 9374'],
  ['2001:db8::/32', 'Documentation', 'reserved', 'RFC 3849'],
  ['2002::/16', '6to4', 'embedded', 'RFC 3056', '6to4'],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'reserved', 'RFC 7534'],
  ['3fff::/20', 'Documentation', 'reserved', 'RFC 9637'],
  ['5f00::/16', 'Segment Routing (SRv6) SIDs', 'reserved', 'RFC 9602'],
  ['fc00::/7', 'Unique-Local', 'private', 'RFC 4193'],
  ['fe80::/10', 'Link-Local Unicast', 'private', 'RFC 4291'],
  ['fec0::/10', 'Site-Local (deprecated)', 'private', 'RFC 3879'],
  ['ff00::/8', 'Multicast', 'reserved', 'RFC 4291'],
  ['fd00:ec2::254/128', 'Cloud metadata service (AWS, IPv6)', 'metadata', 'AWS documentation'],
];

/** Special-use domain names: never a public host, so never a provider target. */
export const SPECIAL_USE_DOMAINS: readonly string[] = [
  'localhost',
  'local',
  'internal',
  'home.arpa',
  'localdomain',
  'invalid',
  'test',
  'onion',
  'alt',
];
