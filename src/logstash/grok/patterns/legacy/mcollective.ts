/** logstash-patterns-core 4.3.1, legacy set: mcollective. */
export const patterns: Record<string, string> = {
  MCOLLECTIVEAUDIT: '%{TIMESTAMP_ISO8601:timestamp}:',
};
