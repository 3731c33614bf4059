/** logstash-patterns-core 4.3.1, legacy set: rails. */
export const patterns: Record<string, string> = {
  RUUID: '\\h{32}',
  RCONTROLLER: '(?<controller>[^#]+)#(?<action>\\w+)',
  RAILS3HEAD:
    '(?m)Started %{WORD:verb} "%{URIPATHPARAM:request}" for %{IPORHOST:clientip} at ' +
    '(?<timestamp>%{YEAR}-%{MONTHNUM}-%{MONTHDAY} %{HOUR}:%{MINUTE}:%{SECOND} ' +
    '%{ISO8601_TIMEZONE})',
  RPROCESSING: '\\W*Processing by %{RCONTROLLER} as (?<format>\\S+)(?:\\W*Parameters: {%{DATA:params}}\\W*)?',
  RAILS3FOOT: 'Completed %{NUMBER:response}%{DATA} in %{NUMBER:totalms}ms %{RAILS3PROFILE}%{GREEDYDATA}',
  RAILS3PROFILE:
    '(?:\\(Views: %{NUMBER:viewms}ms \\| ActiveRecord: %{NUMBER:activerecordms}ms|\\(' +
    'ActiveRecord: %{NUMBER:activerecordms}ms)?',
  RAILS3: '%{RAILS3HEAD}(?:%{RPROCESSING})?(?<context>(?:%{DATA}\\n)*)(?:%{RAILS3FOOT})?',
};
