/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: ruby. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/ruby.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['RUBY_LOGLEVEL']),
  RUBY_LOGGER:
    '[DFEWI], \\[%{TIMESTAMP_ISO8601:timestamp} #%{POSINT:[process][pid]:int}\\] *' +
    '%{RUBY_LOGLEVEL:[log][level]} -- +%{DATA:[process][name]}: %{GREEDYDATA:message}',
};
