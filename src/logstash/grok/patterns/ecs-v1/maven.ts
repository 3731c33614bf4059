/**
 * logstash-patterns-core 4.3.1, ecs-v1 set: maven. Definitions equal to the legacy set's are taken from it.
 */
import { pick } from '../pick.js';
import { patterns as legacy } from '../legacy/maven.js';

export const patterns: Record<string, string> = {
  ...pick(legacy, ['MAVEN_VERSION']),
};
