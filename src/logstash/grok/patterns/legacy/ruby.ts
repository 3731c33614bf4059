/** logstash-patterns-core 4.3.1, legacy set: ruby. */
export const patterns: Record<string, string> = {
  RUBY_LOGLEVEL: '(?:DEBUG|FATAL|ERROR|WARN|INFO)',
  RUBY_LOGGER:
    '[DFEWI], \\[%{TIMESTAMP_ISO8601:timestamp} #%{POSINT:pid}\\] *%{RUBY_LOGLEVEL:loglevel} -- +' +
    '%{DATA:progname}: %{GREEDYDATA:message}',
};
