/**
 * Address ranges and names the URL policy knows, as data. Sources: the IANA
 * IPv4 and IPv6 Special-Purpose Address Registries, the IPv4 multicast block,
 * IPv6 global unicast (2000::/3), the Special-Use Domain Names registry, and the
 * fixed addresses cloud platforms use for instance metadata. The most specific
 * matching row decides, so a narrow row can override the block it sits in.
 */

/**
 * What a row means for a target:
 * - `global`: globally reachable, may be a target;
 * - `private`: private, local or loopback space (reported by the `private_network` check);
 * - `reserved`: any other space that is not globally reachable (the `reserved_ip` check);
 * - `metadata`: a cloud metadata service (`private_network`); only an allow entry naming
 *   exactly this address admits it;
 * - `embedded`: the IPv4 address carried inside decides (mapped, NAT64, 6to4, Teredo).
 */
export type RangeScope = 'global' | 'private' | 'reserved' | 'metadata' | 'embedded';

/** Where an IPv6 row carries an IPv4 address. */
export type Embedding = 'low32' | '6to4' | 'teredo';

export type RangeRow = readonly [cidr: string, name: string, scope: RangeScope, embeds?: Embedding];

export const IPV4_RANGES: readonly RangeRow[] = [
  ['0.0.0.0/8', 'This network', 'reserved'],
  // Connecting to 0.0.0.0 reaches the local host on common systems.
  ['0.0.0.0/32', 'This host on this network', 'private'],
  ['10.0.0.0/8', 'Private-Use', 'private'],
  ['100.64.0.0/10', 'Shared Address Space', 'private'],
  ['127.0.0.0/8', 'Loopback', 'private'],
  ['169.254.0.0/16', 'Link Local', 'private'],
  ['172.16.0.0/12', 'Private-Use', 'private'],
  ['192.0.0.0/24', 'IETF Protocol Assignments', 'reserved'],
  ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'reserved'],
  ['192.0.0.8/32', 'IPv4 dummy address', 'reserved'],
  ['192.0.0.9/32', 'Port Control Protocol Anycast', 'global'],
  ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'global'],
  ['192.0.0.170/31', 'NAT64/DNS64 Discovery', 'reserved'],
  ['192.0.2.0/24', 'Documentation (TEST-NET-1)', 'reserved'],
  ['192.31.196.0/24', 'AS112-v4', 'global'],
  ['192.52.193.0/24', 'AMT', 'global'],
  ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'reserved'],
  ['192.168.0.0/16', 'Private-Use', 'private'],
  ['192.175.48.0/24', 'Direct Delegation AS112 Service', 'global'],
  ['198.18.0.0/15', 'Benchmarking', 'reserved'],
  ['198.51.100.0/24', 'Documentation (TEST-NET-2)', 'reserved'],
  ['203.0.113.0/24', 'Documentation (TEST-NET-3)', 'reserved'],
  ['224.0.0.0/4', 'Multicast', 'reserved'],
  ['240.0.0.0/4', 'Reserved', 'reserved'],
  ['255.255.255.255/32', 'Limited Broadcast', 'reserved'],
  // Cloud metadata and platform services.
  ['169.254.169.254/32', 'Cloud metadata service (AWS, Azure, Google Cloud, Oracle, DigitalOcean, OpenStack)', 'metadata'],
  ['169.254.170.2/32', 'Cloud metadata service (AWS ECS task credentials)', 'metadata'],
  ['168.63.129.16/32', 'Cloud platform service (Azure WireServer)', 'metadata'],
  ['100.100.100.200/32', 'Cloud metadata service (Alibaba Cloud)', 'metadata'],
];

export const IPV6_RANGES: readonly RangeRow[] = [
  ['::/0', 'Outside IPv6 global unicast (2000::/3)', 'reserved'],
  ['2000::/3', 'Global Unicast', 'global'],
  ['::/128', 'Unspecified Address', 'reserved'],
  ['::1/128', 'Loopback Address', 'private'],
  ['::ffff:0:0/96', 'IPv4-mapped Address', 'embedded', 'low32'],
  // Deprecated; never a legitimate answer, so blocked whatever it carries.
  ['::/96', 'IPv4-compatible Address (deprecated)', 'reserved', 'low32'],
  ['::ffff:0:0:0/96', 'IPv4-translated Address', 'reserved', 'low32'],
  ['64:ff9b::/96', 'IPv4-IPv6 Translation (NAT64 well-known prefix)', 'embedded', 'low32'],
  ['64:ff9b:1::/48', 'IPv4-IPv6 Translation (NAT64 local-use prefix)', 'private', 'low32'],
  ['100::/64', 'Discard-Only Address Block', 'reserved'],
  ['100:0:0:1::/64', 'Dummy IPv6 Prefix', 'reserved'],
  ['2001::/23', 'IETF Protocol Assignments', 'reserved'],
  ['2001::/32', 'TEREDO', 'embedded', 'teredo'],
  ['2001:1::1/128', 'Port Control Protocol Anycast', 'global'],
  ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'global'],
  ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'global'],
  ['2001:2::/48', 'Benchmarking', 'reserved'],
  ['2001:3::/32', 'AMT', 'global'],
  ['2001:4:112::/48', 'AS112-v6', 'global'],
  ['2001:10::/28', 'Deprecated (previously ORCHID)', 'reserved'],
  ['2001:20::/28', 'ORCHIDv2', 'global'],
  ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags', 'global'],
  ['2001:db8::/32', 'Documentation', 'reserved'],
  ['2002::/16', '6to4', 'embedded', '6to4'],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'global'],
  ['3fff::/20', 'Documentation', 'reserved'],
  ['5f00::/16', 'Segment Routing (SRv6) SIDs', 'reserved'],
  ['fc00::/7', 'Unique-Local', 'private'],
  ['fe80::/10', 'Link-Local Unicast', 'private'],
  ['fec0::/10', 'Site-Local (deprecated)', 'private'],
  ['ff00::/8', 'Multicast', 'reserved'],
  ['fd00:ec2::254/128', 'Cloud metadata service (AWS, IPv6)', 'metadata'],
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
