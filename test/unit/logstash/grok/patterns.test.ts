import { beforeAll, describe, expect, it } from 'vitest';
import { GrokLibrary, loadOniguruma, STANDARD_PATTERNS } from '../../../../src/logstash/index.js';

/** For every standard pattern: texts it must match in full, and texts it must not match in full. */
const SAMPLES: Record<string, { yes: string[]; no: string[] }> = {
  USERNAME: { yes: ['admin', 'build.agent-01', 'a_b'], no: ['bad user', 'x@y', ''] },
  USER: { yes: ['jenkins'], no: ['two words'] },
  EMAILLOCALPART: { yes: ['first.last', "o'brien+tag"], no: ['.leading', 'two..dots'] },
  EMAILADDRESS: {
    yes: ['ops@calvinverse.net', 'first.last+ci@build-01.example.com'],
    no: ['no-at-sign', 'a@', '@b.com'],
  },
  UUID: {
    yes: ['123e4567-e89b-12d3-a456-426614174000', 'ABCDEF01-2345-6789-ABCD-EF0123456789'],
    no: ['123e4567e89b12d3a456426614174000', '123e4567-e89b-12d3-a456-42661417400g'],
  },
  URN: {
    yes: ['urn:isbn:0451450523', 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66'],
    no: ['isbn:0451450523', 'urn::x'],
  },
  INT: { yes: ['0', '-42', '+7', '123456'], no: ['4.2', 'x1', '--1'] },
  BASE10NUM: { yes: ['1', '-1.5', '.5', '+3.25'], no: ['1.', '1e5', 'abc'] },
  NUMBER: { yes: ['42', '-0.75', '3.14159'], no: ['4,2', 'NaN', '1.2.3'] },
  BASE16NUM: { yes: ['0x1F', 'ff', '-0xA0'], no: ['0xG1', 'xyz'] },
  BASE16FLOAT: { yes: ['0x1F.8', 'ab.cd', '12'], no: ['0x1F.8.1', 'g1'] },
  POSINT: { yes: ['1', '8080'], no: ['0', '-3', '012'] },
  NONNEGINT: { yes: ['0', '012', '65535'], no: ['-1', '1.5'] },
  WORD: { yes: ['hello', 'snake_case', 'ABC123'], no: ['two words', 'dash-ed', ''] },
  NOTSPACE: { yes: ['/var/log/x', 'a=b;c'], no: ['a b', ''] },
  SPACE: { yes: ['', ' ', '\t  '], no: ['x', ' x '] },
  DATA: { yes: ['', 'anything at all'], no: ['line\nbreak'] },
  GREEDYDATA: { yes: ['', 'everything else [x]'], no: ['a\nb'] },
  QUOTEDSTRING: {
    yes: ['"hello"', "'single'", '`tick`', '"esc \\" quote"', '""'],
    no: ['"unterminated', 'bare', '"a" b'],
  },
  QS: { yes: ['"GET / HTTP/1.1"'], no: ['GET'] },
  LOGLEVEL: {
    yes: [
      'INFO',
      'warn',
      'WARNING',
      'Error',
      'ERR',
      'CRIT',
      'fatal',
      'DEBUG',
      'trace',
      'emerg',
      'SEVERE',
      'notice',
      'Information',
    ],
    no: ['loud', 'INFOX'],
  },
  JAVACLASS: { yes: ['org.sonatype.nexus.Main', 'Foo$Bar'], no: ['1org.x', 'a..b'] },
  JAVAFILE: { yes: ['Main.java', 'Native Method'], no: ['a:b'] },
  JAVATHREAD: { yes: ['TP-Processor12'], no: ['main'] },
  CISCOMAC: { yes: ['0011.2233.4455'], no: ['0011.2233', '00:11:22:33:44:55'] },
  WINDOWSMAC: { yes: ['00-11-22-33-44-55'], no: ['00-11-22-33-44', '00:11:22:33:44:55'] },
  COMMONMAC: {
    yes: ['00:11:22:33:44:55', 'AA:bb:CC:dd:EE:ff'],
    no: ['00:11:22:33:44', '00-11-22-33-44-55', '00:11:22:33:44:5G'],
  },
  MAC: { yes: ['00:11:22:33:44:55', '00-11-22-33-44-55', '0011.2233.4455'], no: ['001122334455'] },
  IPV4: {
    yes: ['10.0.0.1', '255.255.255.255', '0.0.0.0', '192.168.1.20'],
    no: ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.999'],
  },
  IPV6: {
    yes: [
      '2001:db8::1',
      '::1',
      '::',
      'fe80::1%eth0',
      '1:2:3:4:5:6:7:8',
      '1:2::3:4',
      '::ffff:10.0.0.1',
      'fe80::',
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    ],
    no: ['1:2:3:4:5:6:7:8:9', '12345::1', 'gggg::1', '10.0.0.1', '1::2::3'],
  },
  IP: { yes: ['10.1.2.3', '2001:db8::ff00:42:8329'], no: ['host-01', '300.1.1.1'] },
  HOSTNAME: {
    yes: ['build-01', 'http.metrics.service.consulverse', 'example.com.'],
    no: ['-leading', 'under_score.com', 'a b'],
  },
  HOST: { yes: ['nexus-01.ad.calvinverse.net'], no: ['bad host'] },
  IPORHOST: { yes: ['10.0.0.5', 'nexus-01', '::1'], no: ['two words', '_x'] },
  HOSTPORT: { yes: ['nexus-01:8081', '10.0.0.5:443'], no: ['nexus-01', 'nexus-01:', 'nexus-01:0'] },
  UNIXPATH: { yes: ['/var/log/syslog', '/', '/srv/nexus/blobs/default'], no: ['relative/path', 'C:\\x'] },
  TTY: { yes: ['/dev/pts/0', '/dev/tty1', '/dev/ttyp0'], no: ['/dev/sda1', '/dev/pts/'] },
  WINPATH: { yes: ['C:\\Windows\\System32', 'D:\\builds\\agent'], no: ['/unix/path', 'C:'] },
  PATH: { yes: ['/etc/consul.d', 'C:\\ops\\consul'], no: ['etc/consul.d'] },
  URIPROTO: { yes: ['http', 'https', 'svn+ssh'], no: ['1http', 'h'] },
  URIHOST: { yes: ['nexus-01', 'nexus-01:8081', '10.0.0.1:80'], no: ['nexus-01:', 'a b'] },
  URIPATH: { yes: ['/repository/maven-public/org/x.jar', '/a/b;c=d'], no: ['no/leading/slash', '/with space'] },
  URIQUERY: { yes: ['a=1&b=2', ''], no: ['a b'] },
  URIPARAM: { yes: ['?a=1&b=[2]'], no: ['a=1', '?a b'] },
  URIPATHPARAM: { yes: ['/service/rest/v1/search?repository=maven-public', '/x'], no: ['?only=query'] },
  URI: {
    yes: ['http://nexus-01:8081/repository/npm/', 'https://user:pw@example.com/x?y=1', 'consul://127.0.0.1:8500'],
    no: ['nexus-01/path', 'http:/one-slash'],
  },
  MONTH: { yes: ['Jan', 'February', 'sep', 'Sept', 'December', 'may'], no: ['Janu', 'Foo', '13'] },
  MONTHNUM: { yes: ['1', '01', '12'], no: ['13', '00', '0'] },
  MONTHNUM2: { yes: ['01', '12'], no: ['1', '13'] },
  MONTHDAY: { yes: ['1', '09', '31'], no: ['32', '00', '0'] },
  DAY: { yes: ['Mon', 'Tuesday', 'Sun'], no: ['Mo', 'Funday'] },
  YEAR: { yes: ['2026', '26'], no: ['202', '20266'] },
  HOUR: { yes: ['0', '09', '23'], no: ['24', '99'] },
  MINUTE: { yes: ['00', '59'], no: ['60', '5'] },
  SECOND: { yes: ['00', '59', '60', '7', '02.123', '02,5'], no: ['61', '99'] },
  TIME: { yes: ['09:15:02', '23:59:60', '9:05:07.123'], no: ['24:00:00', '09:15', '09:61:00'] },
  DATE_US: { yes: ['11/23/2026', '1-2-26'], no: ['23/11/2026', '2026-11-23'] },
  DATE_EU: { yes: ['23.11.2026', '23/11/2026', '1-2-26'], no: ['2026.11.23', '32.11.2026'] },
  DATE: { yes: ['11/23/2026', '23.11.2026'], no: ['Nov 23 2026'] },
  DATESTAMP: { yes: ['11/23/2026 09:15:02', '23.11.2026-09:15:02'], no: ['11/23/2026'] },
  ISO8601_TIMEZONE: { yes: ['Z', '+01:00', '-0530'], no: ['UTC', '+25:00', '+01'] },
  ISO8601_SECOND: { yes: ['02', '02.5'], no: ['61'] },
  TIMESTAMP_ISO8601: {
    yes: ['2026-11-23T09:15:02Z', '2026-11-23 09:15:02,123', '2026-11-23T09:15:02.123456+01:00', '2026-11-23T09:15'],
    no: ['2026/11/23 09:15:02', '23-11-2026T09:15:02'],
  },
  TZ: { yes: ['UTC', 'PST', 'CEST'.slice(1)], no: ['XYZ', 'utc'] },
  DATESTAMP_RFC822: { yes: ['Mon Nov 23 2026 09:15:02 UTC'], no: ['Mon, 23 Nov 2026 09:15:02 +0000'] },
  DATESTAMP_RFC2822: { yes: ['Mon, 23 Nov 2026 09:15:02 +0000'], no: ['Mon Nov 23 2026 09:15:02 UTC'] },
  DATESTAMP_OTHER: { yes: ['Mon Nov 23 09:15:02 UTC 2026'], no: ['Mon Nov 23 2026 09:15:02 UTC'] },
  DATESTAMP_EVENTLOG: { yes: ['20261123091502'], no: ['2026-11-23 09:15:02'] },
  HTTPDATE: {
    yes: ['23/Nov/2026:09:15:02 +0000', '01/Jan/2026:00:00:00 -0500'],
    no: ['23/11/2026:09:15:02 +0000', '23/Nov/2026 09:15:02'],
  },
  SYSLOGTIMESTAMP: { yes: ['Nov 23 09:15:02', 'Nov  3 09:15:02'], no: ['2026-11-23 09:15:02', 'Nov 23 9:15'] },
  PROG: { yes: ['sshd', 'run_jenkins.sh', 'kernel', 'systemd-logind', 'nexus/java'], no: ['sshd[12]', 'with space'] },
  SYSLOGPROG: { yes: ['sshd[1234]', 'kernel', 'consul'], no: ['sshd[x]', 'sshd[]'] },
  SYSLOGHOST: { yes: ['build-01', '10.0.0.2'], no: ['bad host'] },
  SYSLOGFACILITY: { yes: ['<4.6>', '<0.0>'], no: ['<4>', '<a.b>'] },
  SYSLOGBASE: {
    yes: ['Nov  3 09:15:02 build-01 sshd[1234]:', 'Nov 23 09:15:02 <3.4> nexus-01 java:'],
    no: ['Nov  3 09:15:02 build-01 sshd[1234]', '2026-11-23 build-01 sshd:'],
  },
  SYSLOGLINE: {
    yes: ['Nov  3 09:15:02 build-01 sshd[1234]: Accepted publickey for admin'],
    no: ['Accepted publickey for admin'],
  },
  SYSLOG5424PRI: { yes: ['<34>'], no: ['<x>', '34'] },
  HTTPDUSER: { yes: ['admin', 'ops@calvinverse.net'], no: ['two words'] },
  COMMONAPACHELOG: {
    yes: [
      '10.0.0.5 - admin [23/Nov/2026:09:15:02 +0000] "GET /repository/maven-public/x.jar HTTP/1.1" 200 34567',
      '::1 - - [23/Nov/2026:09:15:02 +0000] "-" 408 -',
    ],
    no: ['10.0.0.5 - admin [23/Nov/2026:09:15:02 +0000] GET /x 200 1'],
  },
  COMBINEDAPACHELOG: {
    yes: [
      '10.0.0.5 - - [23/Nov/2026:09:15:02 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.5.0"',
      '10.0.0.5 - admin [23/Nov/2026:09:15:02 +0000] "POST /x HTTP/2.0" 201 - "http://a/" "Apache-Maven/3.9"',
    ],
    no: ['10.0.0.5 - - [23/Nov/2026:09:15:02 +0000] "GET / HTTP/1.1" 200 512'],
  },
  NEXUSREQUEST: {
    yes: [
      '10.0.0.5 - admin [23/Nov/2026:09:15:02 +0000] "GET /repository/maven-public/x.jar HTTP/1.1" 200 - 34567 12 "Apache-Maven/3.8.6 (Java 17.0.2; Linux 5.15)" [qtp1234-56]',
    ],
    no: ['10.0.0.5 - admin [23/Nov/2026:09:15:02 +0000] "GET /x HTTP/1.1" 200 - 34567 "ua" [t]'],
  },
};

let lib: GrokLibrary;
beforeAll(async () => {
  await loadOniguruma();
  lib = new GrokLibrary();
});

describe('standard grok patterns', () => {
  it('defines at least 60 patterns, every one sampled here', () => {
    const names = Object.keys(STANDARD_PATTERNS);
    expect(names.length).toBeGreaterThanOrEqual(60);
    expect(names.filter((n) => !(n in SAMPLES))).toEqual([]);
  });

  it.each(Object.keys(SAMPLES))('%s matches its positive samples in full and rejects the negative ones', (name) => {
    const grok = lib.compile(`\\A%{${name}:value}\\z`);
    const samples = SAMPLES[name] as { yes: string[]; no: string[] };
    for (const text of samples.yes) expect({ text, matched: grok.test(text) }).toEqual({ text, matched: true });
    for (const text of samples.no) expect({ text, matched: grok.test(text) }).toEqual({ text, matched: false });
  });
});
