/** logstash-patterns-core 4.3.1, legacy set: redis. */
export const patterns: Record<string, string> = {
  REDISTIMESTAMP: '%{MONTHDAY} %{MONTH} %{TIME}',
  REDISLOG: '\\[%{POSINT:pid}\\] %{REDISTIMESTAMP:timestamp} \\*',
  REDISMONLOG:
    '%{NUMBER:timestamp} \\[%{INT:database} %{IP:client}:%{NUMBER:port}\\] "%{WORD:command}"\\s?' +
    '%{GREEDYDATA:params}',
};
