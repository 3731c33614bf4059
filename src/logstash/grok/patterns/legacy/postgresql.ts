/** logstash-patterns-core 4.3.1, legacy set: postgresql. */
export const patterns: Record<string, string> = {
  POSTGRESQL: '%{DATESTAMP:timestamp} %{TZ} %{DATA:user_id} %{GREEDYDATA:connection_id} %{POSINT:pid}',
};
