/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: rails. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/rails.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['RUUID']),
  RCONTROLLER: '(?<[rails][controller][class]>[^#]+)#(?<[rails][controller][action]>\\w+)',
  RAILS3HEAD:
    '(?m)Started %{WORD:[http][request][method]} "%{URIPATHPARAM:[url][original]}" for ' +
    '%{IPORHOST:[source][address]} at (?<timestamp>%{YEAR}-%{MONTHNUM}-%{MONTHDAY} %{HOUR}:' +
    '%{MINUTE}:%{SECOND} %{ISO8601_TIMEZONE})',
  RPROCESSING:
    '\\W*Processing by %{RCONTROLLER} as (?<[rails][request][format]>\\S+)(?:\\W*Parameters: {' +
    '%{DATA:[rails][request][params]}}\\W*)?',
  RAILS3FOOT:
    'Completed %{POSINT:[http][response][status_code]:int}%{DATA} in ' +
    '%{NUMBER:[rails][request][duration][total]:float}ms %{RAILS3PROFILE}%{GREEDYDATA}',
  RAILS3PROFILE:
    '(?:\\(Views: %{NUMBER:[rails][request][duration][view]:float}ms \\| ActiveRecord: ' +
    '%{NUMBER:[rails][request][duration][active_record]:float}ms|\\(ActiveRecord: ' +
    '%{NUMBER:[rails][request][duration][active_record]:float}ms)?',
  RAILS3: '%{RAILS3HEAD}(?:%{RPROCESSING})?(?<[rails][request][explain][original]>(?:%{DATA}\\n)*)(?:%{RAILS3FOOT})?',
};
