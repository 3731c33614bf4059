/** Network grok patterns: MAC and IP addresses, host names, host:port. */

const HEX4 = '[0-9A-Fa-f]{1,4}';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4_BODY = `${OCTET}(?:\\.${OCTET}){3}`;

/**
 * IPv6 in its full and `::`-compressed forms, with an optional embedded IPv4 tail and zone id.
 * Alternatives that end in a hex group come first; the trailing look-ahead forces backtracking into
 * a longer alternative instead of stopping in the middle of an address.
 */
const IPV6_FORMS = [
  `(?:${HEX4}:){6}${IPV4_BODY}`,
  `(?:${HEX4}:){1,5}:${IPV4_BODY}`,
  `::(?:[Ff]{4}(?::0{1,4})?:)?${IPV4_BODY}`,
  `(?:${HEX4}:){7}${HEX4}`,
  `(?:${HEX4}:){1,6}:${HEX4}`,
  `(?:${HEX4}:){1,5}(?::${HEX4}){1,2}`,
  `(?:${HEX4}:){1,4}(?::${HEX4}){1,3}`,
  `(?:${HEX4}:){1,3}(?::${HEX4}){1,4}`,
  `(?:${HEX4}:){1,2}(?::${HEX4}){1,5}`,
  `${HEX4}:(?::${HEX4}){1,6}`,
  `:(?::${HEX4}){1,7}`,
  `(?:${HEX4}:){1,7}:`,
  '::',
];

export const NETWORK_PATTERNS: Record<string, string> = {
  CISCOMAC: '(?:[A-Fa-f0-9]{4}\\.){2}[A-Fa-f0-9]{4}',
  WINDOWSMAC: '(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2}',
  COMMONMAC: '(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2}',
  MAC: '(?:%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC})',
  IPV4: `(?<![0-9])${IPV4_BODY}(?![0-9])`,
  IPV6: `(?<![0-9A-Fa-f:])(?=[0-9A-Fa-f]{0,4}:)(?:${IPV6_FORMS.join('|')})(?:%[0-9A-Za-z]+)?(?![0-9A-Fa-f:])`,
  IP: '(?:%{IPV6}|%{IPV4})',
  // Dot-separated labels of letters, digits and hyphens; a trailing dot (FQDN) is allowed.
  HOSTNAME: '\\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(?:\\.?|\\b)',
  HOST: '%{HOSTNAME}',
  IPORHOST: '(?:%{IP}|%{HOSTNAME})',
  HOSTPORT: '%{IPORHOST}:%{POSINT}',
};
