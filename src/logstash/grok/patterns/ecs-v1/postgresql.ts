/** logstash-patterns-core 4.3.1, ecs-v1 set: postgresql. */
export const patterns: Record<string, string> = {
  POSTGRESQL:
    '%{DATESTAMP:timestamp} %{TZ:[event][timezone]} %{DATA:[user][name]} ' +
    '%{GREEDYDATA:[postgresql][log][connection_id]} %{POSINT:[process][pid]:int}',
};
