/**
 * The standard grok pattern sets of Logstash (logstash-patterns-core 4.3.1, Apache-2.0): `ecs-v1`
 * (what a grok filter uses by default in Logstash 8, and with `ecs_compatibility => v1|v8`) and
 * `legacy` (`ecs_compatibility => disabled`), plus calvin's own patterns. Files of a set are merged in
 * name order, a later definition of a name winning, as Logstash loads its patterns directory.
 */
import { patterns as ecsAws } from './ecs-v1/aws.js';
import { patterns as ecsBacula } from './ecs-v1/bacula.js';
import { patterns as ecsBind } from './ecs-v1/bind.js';
import { patterns as ecsBro } from './ecs-v1/bro.js';
import { patterns as ecsExim } from './ecs-v1/exim.js';
import { patterns as ecsFirewalls } from './ecs-v1/firewalls.js';
import { patterns as ecsGrokPatterns } from './ecs-v1/grok-patterns.js';
import { patterns as ecsHaproxy } from './ecs-v1/haproxy.js';
import { patterns as ecsHttpd } from './ecs-v1/httpd.js';
import { patterns as ecsJava } from './ecs-v1/java.js';
import { patterns as ecsJunos } from './ecs-v1/junos.js';
import { patterns as ecsLinuxSyslog } from './ecs-v1/linux-syslog.js';
import { patterns as ecsMaven } from './ecs-v1/maven.js';
import { patterns as ecsMcollective } from './ecs-v1/mcollective.js';
import { patterns as ecsMongodb } from './ecs-v1/mongodb.js';
import { patterns as ecsNagios } from './ecs-v1/nagios.js';
import { patterns as ecsPostgresql } from './ecs-v1/postgresql.js';
import { patterns as ecsRails } from './ecs-v1/rails.js';
import { patterns as ecsRedis } from './ecs-v1/redis.js';
import { patterns as ecsRuby } from './ecs-v1/ruby.js';
import { patterns as ecsSquid } from './ecs-v1/squid.js';
import { patterns as ecsZeek } from './ecs-v1/zeek.js';
import { patterns as legacyAws } from './legacy/aws.js';
import { patterns as legacyBacula } from './legacy/bacula.js';
import { patterns as legacyBind } from './legacy/bind.js';
import { patterns as legacyBro } from './legacy/bro.js';
import { patterns as legacyExim } from './legacy/exim.js';
import { patterns as legacyFirewalls } from './legacy/firewalls.js';
import { patterns as legacyGrokPatterns } from './legacy/grok-patterns.js';
import { patterns as legacyHaproxy } from './legacy/haproxy.js';
import { patterns as legacyHttpd } from './legacy/httpd.js';
import { patterns as legacyJava } from './legacy/java.js';
import { patterns as legacyJunos } from './legacy/junos.js';
import { patterns as legacyLinuxSyslog } from './legacy/linux-syslog.js';
import { patterns as legacyMaven } from './legacy/maven.js';
import { patterns as legacyMcollectivePatterns } from './legacy/mcollective-patterns.js';
import { patterns as legacyMcollective } from './legacy/mcollective.js';
import { patterns as legacyMongodb } from './legacy/mongodb.js';
import { patterns as legacyNagios } from './legacy/nagios.js';
import { patterns as legacyPostgresql } from './legacy/postgresql.js';
import { patterns as legacyRails } from './legacy/rails.js';
import { patterns as legacyRedis } from './legacy/redis.js';
import { patterns as legacyRuby } from './legacy/ruby.js';
import { patterns as legacySquid } from './legacy/squid.js';
import { CALVIN_ECS_PATTERNS, CALVIN_LEGACY_PATTERNS } from './calvin.js';

/** The version of logstash-patterns-core the sets follow. */
export const PATTERN_SET_VERSION = 'logstash-patterns-core 4.3.1';

export type PatternSetName = 'ecs-v1' | 'legacy';

/** The ecs-v1 set (the default), calvin's own patterns included. */
export const ECS_V1_PATTERNS: Readonly<Record<string, string>> = Object.freeze({
  ...ecsAws,
  ...ecsBacula,
  ...ecsBind,
  ...ecsBro,
  ...ecsExim,
  ...ecsFirewalls,
  ...ecsGrokPatterns,
  ...ecsHaproxy,
  ...ecsHttpd,
  ...ecsJava,
  ...ecsJunos,
  ...ecsLinuxSyslog,
  ...ecsMaven,
  ...ecsMcollective,
  ...ecsMongodb,
  ...ecsNagios,
  ...ecsPostgresql,
  ...ecsRails,
  ...ecsRedis,
  ...ecsRuby,
  ...ecsSquid,
  ...ecsZeek,
  ...CALVIN_ECS_PATTERNS,
});

/** The legacy set, calvin's own patterns included. */
export const LEGACY_PATTERNS: Readonly<Record<string, string>> = Object.freeze({
  ...legacyAws,
  ...legacyBacula,
  ...legacyBind,
  ...legacyBro,
  ...legacyExim,
  ...legacyFirewalls,
  ...legacyGrokPatterns,
  ...legacyHaproxy,
  ...legacyHttpd,
  ...legacyJava,
  ...legacyJunos,
  ...legacyLinuxSyslog,
  ...legacyMaven,
  ...legacyMcollectivePatterns,
  ...legacyMcollective,
  ...legacyMongodb,
  ...legacyNagios,
  ...legacyPostgresql,
  ...legacyRails,
  ...legacyRedis,
  ...legacyRuby,
  ...legacySquid,
  ...CALVIN_LEGACY_PATTERNS,
});

/** Every standard grok pattern of the default (ECS v1) set, by name. */
export const STANDARD_PATTERNS = ECS_V1_PATTERNS;

export const PATTERN_SETS: Readonly<Record<PatternSetName, Readonly<Record<string, string>>>> = {
  'ecs-v1': ECS_V1_PATTERNS,
  legacy: LEGACY_PATTERNS,
};
