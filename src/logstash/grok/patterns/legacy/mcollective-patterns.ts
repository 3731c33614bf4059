/** logstash-patterns-core 4.3.1, legacy set: mcollective-patterns. */
export const patterns: Record<string, string> = {
  MCOLLECTIVE: '., \\[%{TIMESTAMP_ISO8601:timestamp} #%{POSINT:pid}\\]%{SPACE}%{LOGLEVEL:event_level}',
  MCOLLECTIVEAUDIT: '%{TIMESTAMP_ISO8601:timestamp}:',
};
