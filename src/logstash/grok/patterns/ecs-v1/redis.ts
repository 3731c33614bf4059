/** logstash-patterns-core 4.3.1, ecs-v1 set: redis. */
export const patterns: Record<string, string> = {
  REDISTIMESTAMP: '%{MONTHDAY} %{MONTH} %{TIME}',
  REDISLOG: '\\[%{POSINT:[process][pid]:int}\\] %{REDISTIMESTAMP:timestamp} \\*',
  REDISMONLOG:
    '%{NUMBER:timestamp} \\[%{INT:[redis][database][id]} %{IP:[client][ip]}:%{POSINT:[client][port]:int}\\] "%{WORD:[redis][command][name]}"\\s?%{GREEDYDATA:[redis][command][args]}',
};
