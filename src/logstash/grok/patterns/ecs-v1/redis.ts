/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: redis. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/redis.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['REDISTIMESTAMP']),
  REDISLOG: '\\[%{POSINT:[process][pid]:int}\\] %{REDISTIMESTAMP:timestamp} \\*',
  REDISMONLOG:
    '%{NUMBER:timestamp} \\[%{INT:[redis][database][id]} %{IP:[client][ip]}:' +
    '%{POSINT:[client][port]:int}\\] "%{WORD:[redis][command][name]}"\\s?' +
    '%{GREEDYDATA:[redis][command][args]}',
};
