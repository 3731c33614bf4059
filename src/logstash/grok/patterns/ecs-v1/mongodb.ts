/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: mongodb. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/mongodb.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['MONGO_QUERY', 'MONGO_WORDDASH', 'MONGO3_SEVERITY']),
  MONGO_LOG: '%{SYSLOGTIMESTAMP:timestamp} \\[%{WORD:[mongodb][component]}\\] %{GREEDYDATA:message}',
  MONGO_SLOWQUERY:
    '%{WORD:[mongodb][profile][op]} %{MONGO_WORDDASH:[mongodb][database]}\\.' +
    '%{MONGO_WORDDASH:[mongodb][collection]} %{WORD}: ' +
    '%{MONGO_QUERY:[mongodb][query][original]} ntoreturn:' +
    '%{NONNEGINT:[mongodb][profile][ntoreturn]:int} ntoskip:' +
    '%{NONNEGINT:[mongodb][profile][ntoskip]:int} nscanned:' +
    '%{NONNEGINT:[mongodb][profile][nscanned]:int}.*? nreturned:' +
    '%{NONNEGINT:[mongodb][profile][nreturned]:int}.*? ' +
    '%{INT:[mongodb][profile][duration]:int}ms',
  MONGO3_COMPONENT: '%{WORD}',
  MONGO3_LOG:
    '%{TIMESTAMP_ISO8601:timestamp} %{MONGO3_SEVERITY:[log][level]} (?:-|' +
    '%{MONGO3_COMPONENT:[mongodb][component]})%{SPACE}(?:\\[%{DATA:[mongodb][context]}\\])? ' +
    '%{GREEDYDATA:message}',
};
