/**
 * calvin's own grok patterns, not part of Logstash's sets: Sonatype Nexus request.log (combined
 * log plus request bytes, elapsed ms and the thread), in ECS names and in legacy names.
 */
export const CALVIN_ECS_PATTERNS: Record<string, string> = {
  NEXUSREQUEST:
    '%{IPORHOST:[source][address]} - (?:-|%{NOTSPACE:[user][name]}) \\[%{HTTPDATE:timestamp}\\] ' +
    '"%{WORD:[http][request][method]} %{NOTSPACE:[url][original]} HTTP/%{NUMBER:[http][version]}" ' +
    '%{INT:[http][response][status_code]:int} (?:-|%{INT:[http][request][body][bytes]:int}) ' +
    '(?:-|%{INT:[http][response][body][bytes]:int}) %{INT:[event][duration]:int} ' +
    '"(?:-|%{DATA:[user_agent][original]})" \\[%{NOTSPACE:[process][thread][name]}\\]',
};

export const CALVIN_LEGACY_PATTERNS: Record<string, string> = {
  NEXUSREQUEST:
    '%{IPORHOST:clientip} - (?:-|%{NOTSPACE:auth}) \\[%{HTTPDATE:timestamp}\\] ' +
    '"%{WORD:verb} %{NOTSPACE:request} HTTP/%{NUMBER:httpversion}" %{INT:response} ' +
    '(?:-|%{INT:request_bytes}) (?:-|%{INT:bytes}) %{INT:elapsed} "(?:-|%{DATA:agent})" \\[%{NOTSPACE:thread}\\]',
};
