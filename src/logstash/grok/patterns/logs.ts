/**
 * Syslog and HTTP access-log grok patterns. Captures use ECS field names (what Logstash 8 does
 * with `ecs_compatibility => v8`), e.g. `[process][name]`, `[source][address]`.
 */
export const LOG_PATTERNS: Record<string, string> = {
  // A program name: printable ASCII except '[' and ']' (which delimit the pid).
  PROG: '[\\x21-\\x5a\\x5c\\x5e-\\x7e]+',
  SYSLOGPROG: '%{PROG:[process][name]}(?:\\[%{POSINT:[process][pid]:int}\\])?',
  SYSLOGHOST: '%{IPORHOST}',
  SYSLOGFACILITY: '<%{NONNEGINT:[log][syslog][facility][code]:int}.%{NONNEGINT:[log][syslog][priority]:int}>',
  SYSLOGBASE: '%{SYSLOGTIMESTAMP:timestamp} (?:%{SYSLOGFACILITY} )?%{SYSLOGHOST:[host][hostname]} %{SYSLOGPROG}:',
  SYSLOGLINE: '%{SYSLOGBASE} %{GREEDYDATA:message}',
  SYSLOG5424PRI: '<%{NONNEGINT:[log][syslog][priority]:int}>',
  HTTPDUSER: '%{EMAILADDRESS}|%{USER}',
  COMMONAPACHELOG:
    '%{IPORHOST:[source][address]} (?:-|%{HTTPDUSER:[apache][access][user][identity]}) (?:-|%{HTTPDUSER:[user][name]}) \\[%{HTTPDATE:timestamp}\\] "(?:%{WORD:[http][request][method]} %{NOTSPACE:[url][original]}(?: HTTP/%{NUMBER:[http][version]})?|%{DATA})" (?:-|%{INT:[http][response][status_code]:int}) (?:-|%{INT:[http][response][body][bytes]:int})',
  COMBINEDAPACHELOG:
    '%{COMMONAPACHELOG} "(?:-|%{DATA:[http][request][referrer]})" "(?:-|%{DATA:[user_agent][original]})"',
  // Sonatype Nexus request.log: combined log plus request bytes, elapsed ms and the thread.
  NEXUSREQUEST:
    '%{IPORHOST:[source][address]} - (?:-|%{NOTSPACE:[user][name]}) \\[%{HTTPDATE:timestamp}\\] "%{WORD:[http][request][method]} %{NOTSPACE:[url][original]} HTTP/%{NUMBER:[http][version]}" %{INT:[http][response][status_code]:int} (?:-|%{INT:[http][request][body][bytes]:int}) (?:-|%{INT:[http][response][body][bytes]:int}) %{INT:[event][duration]:int} "(?:-|%{DATA:[user_agent][original]})" \\[%{NOTSPACE:[process][thread][name]}\\]',
};

/**
 * The same patterns with the legacy (pre-ECS) capture names of logstash-patterns-core's `legacy/`
 * set: what a grok with `ecs_compatibility => disabled` uses (`program`, `pid`, `logsource`,
 * `clientip`, `verb`, ...; no `:int` conversions). NEXUSREQUEST is calvin's own pattern, not a
 * Logstash one, so it has no legacy form and keeps its ECS names.
 */
export const LEGACY_LOG_PATTERNS: Record<string, string> = {
  SYSLOGPROG: '%{PROG:program}(?:\\[%{POSINT:pid}\\])?',
  SYSLOGFACILITY: '<%{NONNEGINT:facility}.%{NONNEGINT:priority}>',
  SYSLOGBASE: '%{SYSLOGTIMESTAMP:timestamp} (?:%{SYSLOGFACILITY} )?%{SYSLOGHOST:logsource} %{SYSLOGPROG}:',
  SYSLOG5424PRI: '<%{NONNEGINT:syslog5424_pri}>',
  COMMONAPACHELOG:
    '%{IPORHOST:clientip} %{HTTPDUSER:ident} %{HTTPDUSER:auth} \\[%{HTTPDATE:timestamp}\\] "(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})" (?:-|%{NUMBER:response}) (?:-|%{NUMBER:bytes})',
  COMBINEDAPACHELOG: '%{COMMONAPACHELOG} %{QS:referrer} %{QS:agent}',
};
