/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: bind. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/bind.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['BIND9_TIMESTAMP']),
  BIND9_DNSTYPE:
    '(?:A|AAAA|CAA|CDNSKEY|CDS|CERT|CNAME|CSYNC|DLV|DNAME|DNSKEY|DS|HINFO|LOC|MX|NAPTR|NS|NSEC|' +
    'NSEC3|OPENPGPKEY|PTR|RRSIG|RP|SIG|SMIMEA|SOA|SRV|TSIG|TXT|URI)',
  BIND9_CATEGORY: '(?:queries)',
  BIND9_QUERYLOGBASE:
    'client(:? @0x(?:[0-9A-Fa-f]+))? %{IP:[client][ip]}#%{POSINT:[client][port]:int} \\(' +
    '%{GREEDYDATA:[bind][log][question][name]}\\): query: %{GREEDYDATA:[dns][question][name]} ' +
    '(?<[dns][question][class]>IN) %{BIND9_DNSTYPE:[dns][question][type]}(:? ' +
    '%{DATA:[bind][log][question][flags]})? \\(%{IP:[server][ip]}\\)',
  BIND9_QUERYLOG:
    '%{BIND9_TIMESTAMP:timestamp} %{BIND9_CATEGORY:[bing][log][category]}: ' +
    '%{LOGLEVEL:[log][level]}: %{BIND9_QUERYLOGBASE}',
  BIND9: '%{BIND9_QUERYLOG}',
};
