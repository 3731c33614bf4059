/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: mcollective. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/mcollective.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['MCOLLECTIVEAUDIT']),
  MCOLLECTIVE: '., \\[%{TIMESTAMP_ISO8601:timestamp} #%{POSINT:[process][pid]:int}\\]%{SPACE}%{LOGLEVEL:[log][level]}',
};
