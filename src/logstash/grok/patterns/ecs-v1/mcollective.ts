/** logstash-patterns-core 4.3.1, ecs-v1 set: mcollective. */
export const patterns: Record<string, string> = {
  MCOLLECTIVE: '., \\[%{TIMESTAMP_ISO8601:timestamp} #%{POSINT:[process][pid]:int}\\]%{SPACE}%{LOGLEVEL:[log][level]}',
  MCOLLECTIVEAUDIT: '%{TIMESTAMP_ISO8601:timestamp}:',
};
