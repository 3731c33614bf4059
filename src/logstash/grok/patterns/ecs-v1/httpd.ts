/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: httpd. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/httpd.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['HTTPDUSER', 'HTTPDERROR_DATE', 'HTTPD_ERRORLOG', 'COMMONAPACHELOG', 'COMBINEDAPACHELOG']),
  HTTPD_COMMONLOG:
    '%{IPORHOST:[source][address]} (?:-|%{HTTPDUSER:[apache][access][user][identity]}) (?:-|' +
    '%{HTTPDUSER:[user][name]}) \\[%{HTTPDATE:timestamp}\\] "(?:%{WORD:[http][request][method]} ' +
    '%{NOTSPACE:[url][original]}(?: HTTP/%{NUMBER:[http][version]})?|%{DATA})" (?:-|' +
    '%{INT:[http][response][status_code]:int}) (?:-|%{INT:[http][response][body][bytes]:int})',
  HTTPD_COMBINEDLOG:
    '%{HTTPD_COMMONLOG} "(?:-|%{DATA:[http][request][referrer]})" "(?:-|' + '%{DATA:[user_agent][original]})"',
  HTTPD20_ERRORLOG:
    '\\[%{HTTPDERROR_DATE:timestamp}\\] \\[%{LOGLEVEL:[log][level]}\\] (?:\\[client ' +
    '%{IPORHOST:[source][address]}\\] )?%{GREEDYDATA:message}',
  HTTPD24_ERRORLOG:
    '\\[%{HTTPDERROR_DATE:timestamp}\\] \\[(?:%{WORD:[apache][error][module]})?:' +
    '%{LOGLEVEL:[log][level]}\\] \\[pid %{POSINT:[process][pid]:int}(:tid ' +
    '%{INT:[process][thread][id]:int})?\\](?: \\(%{POSINT:[apache][error][proxy][error][code]?}\\)' +
    '%{DATA:[apache][error][proxy][error][message]}:)?(?: \\[client ' +
    '%{IPORHOST:[source][address]}(?::%{POSINT:[source][port]:int})?\\])?(?: ' +
    '%{DATA:[error][code]}:)? %{GREEDYDATA:message}',
};
