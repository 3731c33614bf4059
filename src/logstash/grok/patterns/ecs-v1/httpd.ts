/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: httpd. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/httpd.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['HTTPDUSER', 'HTTPDERROR_DATE', 'HTTPD_ERRORLOG', 'COMMONAPACHELOG', 'COMBINEDAPACHELOG']),
  HTTPD_COMMONLOG:
    '%{IPORHOST:[source][address]} (?:-|%{HTTPDUSER:[apache][access][user][identity]}) (?:-|%{H' +
    'TTPDUSER:[user][name]}) \\[%{HTTPDATE:timestamp}\\] "(?:%{WORD:[http][request][method]} %{NO' +
    'TSPACE:[url][original]}(?: HTTP/%{NUMBER:[http][version]})?|%{DATA})" (?:-|%{INT:[http][re' +
    'sponse][status_code]:int}) (?:-|%{INT:[http][response][body][bytes]:int})',
  HTTPD_COMBINEDLOG:
    '%{HTTPD_COMMONLOG} "(?:-|%{DATA:[http][request][referrer]})" "(?:-|%{DATA:[user_agent][ori' + 'ginal]})"',
  HTTPD20_ERRORLOG:
    '\\[%{HTTPDERROR_DATE:timestamp}\\] \\[%{LOGLEVEL:[log][level]}\\] (?:\\[client %{IPORHOST:[sour' +
    'ce][address]}\\] )?%{GREEDYDATA:message}',
  HTTPD24_ERRORLOG:
    '\\[%{HTTPDERROR_DATE:timestamp}\\] \\[(?:%{WORD:[apache][error][module]})?:%{LOGLEVEL:[log][l' +
    'evel]}\\] \\[pid %{POSINT:[process][pid]:int}(:tid %{INT:[process][thread][id]:int})?\\](?: \\(' +
    '%{POSINT:[apache][error][proxy][error][code]?}\\)%{DATA:[apache][error][proxy][error][messa' +
    'ge]}:)?(?: \\[client %{IPORHOST:[source][address]}(?::%{POSINT:[source][port]:int})?\\])?(?:' +
    ' %{DATA:[error][code]}:)? %{GREEDYDATA:message}',
};
