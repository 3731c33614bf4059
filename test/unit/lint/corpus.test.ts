/**
 * `calvin lint` on the real Calvinverse corpus: the full list of findings, pinned. Every entry says
 * why it is a true mistake in those files. A change in this list is a change in what calvin finds:
 * review it as such (no false positives allowed; fix the rule instead).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT } from '../../../src/define/environment.js';
import { lintPaths } from '../../../src/lint/lint.js';
import { RULES } from '../../../src/lint/rules/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/calvinverse-corpus');

interface Pinned {
  file: string;
  rule: string;
  line: number;
  why: string;
}

const LF = 'calvinverse.logs.filters/config/kv/config/services/logs/';
const MD = 'calvinverse.metrics.dashboards/config/kv/config/services/dashboards/';

const PINNED: Pinned[] = [
  {
    file: `${LF}filters/filter.logs.linux.syslog.chronograf.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.chronograf.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.chronograf.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.chronograf.ctmpl`,
    rule: 'logstash-grok-without-match',
    line: 5,
    why: 'A grok without match never succeeds: add_tag/remove_tag only run on success, so the event is never re-tagged and gets _grokparsefailure instead (a mutate was meant).',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.chronograf.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 6,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.consul.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.consul.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.consul.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.consul.ctmpl`,
    rule: 'logstash-grok-without-match',
    line: 5,
    why: 'A grok without match never succeeds: add_tag/remove_tag only run on success, so the event is never re-tagged and gets _grokparsefailure instead (a mutate was meant).',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.dhclient.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.dhclient.ctmpl`,
    rule: 'logstash-grok-bracket-alternation',
    line: 57,
    why: 'In the DHCPD pattern "[for|on]" / "[from|to]" are character classes (one letter), not word alternations; (?:for|on) was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.dhclient.ctmpl`,
    rule: 'logstash-grok-bracket-alternation',
    line: 57,
    why: 'In the DHCPD pattern "[for|on]" / "[from|to]" are character classes (one letter), not word alternations; (?:for|on) was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.dhclient.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 61,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.fabio.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.fabio.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.fabio.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.fabio.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.fabio.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.goldfish.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.goldfish.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.goldfish.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.goldfish.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.goldfish.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.goldfish.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 9,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.influxd.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.influxd.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.influxd.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.influxd.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.influxd.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.influxd.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 9,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.jenkins.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.jenkins.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.jenkins.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.jenkins.ctmpl`,
    rule: 'logstash-grok-without-match',
    line: 5,
    why: 'A grok without match never succeeds: add_tag/remove_tag only run on success, so the event is never re-tagged and gets _grokparsefailure instead (a mutate was meant).',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kapacitord.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.kapacitord.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kapacitord.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kapacitord.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kapacitord.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kapacitord.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 9,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.kernel.ufw.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'logstash-syntax',
    line: 4,
    why: "Line 4 is a '//' comment; Logstash only knows '#' comments, so the whole file fails to parse.",
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 5,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 7,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 8,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.kernel.ufw.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 10,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.rabbitmq.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.rabbitmq.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.rabbitmq.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.rabbitmq.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.rabbitmq.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.unbound.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.unbound.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.unbound.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.vault.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes filter.logs.linux.syslog.vault.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.vault.ctmpl`,
    rule: 'logstash-unknown-field',
    line: 4,
    why: 'Syslog events are the syslog-ng format-json of base.vm.linux/extracted/syslog-ng.ctmpl: date, pid, program, message, facility, host, priority(Num). There is no [prog], so the branch never runs; [program] was meant.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.vault.ctmpl`,
    rule: 'logstash-patterns-dir',
    line: 6,
    why: 'patterns_dir /etc/logstash/conf.d/patterns is not in the repository (the corpus has no patterns folder) and does not exist here; nothing ships it.',
  },
  {
    file: `${LF}filters/filter.logs.linux.syslog.vault.ctmpl`,
    rule: 'logstash-grok-pattern',
    line: 7,
    why: 'MTS (and RRDOMAIN) are no standard grok patterns and no pattern_definitions define them; their only possible source, the patterns_dir, does not exist. Logstash fails to compile this grok.',
  },
  {
    file: `${LF}filters/input.rabbitmq.logs.file.ctmpl`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'logs.yaml (the Set-ConsulKV manifest) never pushes input.rabbitmq.logs.file.ctmpl to config/services/logs/filters, so Logstash never runs it (SOURCES.md: "not referenced by logs.yaml").',
  },
  {
    file: `${LF}filters/input.rabbitmq.logs.file.ctmpl`,
    rule: 'logstash-unrouted-tag',
    line: 10,
    why: 'This tag re-routes events (added while logs.linux.syslog is removed, or set by an input), but no output or filter in the folder tests it, so those events reach no elasticsearch output.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.builds.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.consul.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.fabio.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.fabio.ctmpl`,
    rule: 'logstash-index-name',
    line: 16,
    why: 'Index logs-application.fabio-... has a dot where every other index has a dash (logs-application-consul-...), so it escapes logs-application-* patterns and templates.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.jenkins.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.kibana.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.kibana.ctmpl`,
    rule: 'logstash-tag-never-added',
    line: 2,
    why: 'No input (tags: logs.builds, logs.application.file, logs.linux.syslog) and no filter adds "logs.application.kibana" (winlogbeat/filebeat set no tags either), so this output never receives an event.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.linux.access.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.linux.access.ctmpl`,
    rule: 'logstash-tag-never-added',
    line: 2,
    why: 'No input (tags: logs.builds, logs.application.file, logs.linux.syslog) and no filter adds "logs.linux.access" (winlogbeat/filebeat set no tags either), so this output never receives an event.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.linux.access.ctmpl`,
    rule: 'logstash-index-name',
    line: 16,
    why: 'Index logs-os-linux-access has no -%{+YYYY.MM.dd}: one ever-growing index, unlike every other daily logs-* index.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.logstash.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.logstash.ctmpl`,
    rule: 'logstash-tag-never-added',
    line: 2,
    why: 'No input (tags: logs.builds, logs.application.file, logs.linux.syslog) and no filter adds "logs.application.logstash" (winlogbeat/filebeat set no tags either), so this output never receives an event.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.rabbitmq.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.syslog.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.unbound.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.vault.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.windows.eventlog.ctmpl`,
    rule: 'logstash-outside-section',
    line: 1,
    why: 'The file starts with a top-level if; Logstash only allows input/filter/output sections at the top level, so the concatenated pipeline is rejected.',
  },
  {
    file: `${LF}filters/output.elasticsearch.logs.windows.eventlog.ctmpl`,
    rule: 'logstash-tag-never-added',
    line: 2,
    why: 'No input (tags: logs.builds, logs.application.file, logs.linux.syslog) and no filter adds "logs.windows.eventlog" (winlogbeat/filebeat set no tags either), so this output never receives an event.',
  },
  {
    file: `${MD}dashboards.yaml`,
    rule: 'manifest-missing-file',
    line: 64,
    why: 'dashboards.yaml names dashboards/services.external/service.external-*.json; the files are named services.external-*.json, so the push fails for this entry.',
  },
  {
    file: `${MD}dashboards.yaml`,
    rule: 'manifest-missing-file',
    line: 68,
    why: 'dashboards.yaml names dashboards/services.external/service.external-*.json; the files are named services.external-*.json, so the push fails for this entry.',
  },
  {
    file: `${MD}dashboards.yaml`,
    rule: 'manifest-missing-file',
    line: 72,
    why: 'dashboards.yaml names dashboards/services.external/service.external-*.json; the files are named services.external-*.json, so the push fails for this entry.',
  },
  {
    file: `${MD}dashboards.yaml`,
    rule: 'manifest-missing-file',
    line: 76,
    why: 'dashboards.yaml names dashboards/services.external/service.external-*.json; the files are named services.external-*.json, so the push fails for this entry.',
  },
  {
    file: `${MD}dashboards.yaml`,
    rule: 'manifest-missing-file',
    line: 80,
    why: 'dashboards.yaml names dashboards/services.external/service.external-*.json; the files are named services.external-*.json, so the push fails for this entry.',
  },
  {
    file: `${MD}dashboards/environment/environment-consul.json`,
    rule: 'grafana-measurement-wrong-database',
    line: 796,
    why: 'rpc_request is Consul\'s statsd metric consul.rpc.request renamed by consul_statsd_rules.txt ("consul.rpc.* .measurement*"); telegraf.ctmpl tags [[inputs.statsd]] with influxdb_database = "statsd", and the outputs.influxdb whose tagpass is ["statsd"] writes to {{ keyOrDefault "config/services/metrics/databases/statsd" }}, which metrics.yaml sets to "services". The panel\'s datasource is InfluxDb.System (database system), so this SHOW TAG VALUES counts nothing.',
  },
  {
    file: `${MD}dashboards/environment/environment-consul.json`,
    rule: 'grafana-measurement-wrong-database',
    line: 1007,
    why: 'runtime_alloc_bytes comes only from statsd templates ("vault.runtime.* .measurement.measurement*"); telegraf.ctmpl tags [[inputs.statsd]] with influxdb_database = "statsd", and the outputs.influxdb whose tagpass is ["statsd"] writes to {{ keyOrDefault "config/services/metrics/databases/statsd" }}, which metrics.yaml sets to "services". The panel reads it through InfluxDb.System (database system): no data.',
  },
  {
    file: `${MD}dashboards/environment/environment-consul.json`,
    rule: 'grafana-measurement-wrong-database',
    line: 1044,
    why: 'runtime_sys_bytes comes only from statsd templates ("vault.runtime.* .measurement.measurement*"); telegraf.ctmpl tags [[inputs.statsd]] with influxdb_database = "statsd", and the outputs.influxdb whose tagpass is ["statsd"] writes to {{ keyOrDefault "config/services/metrics/databases/statsd" }}, which metrics.yaml sets to "services". The panel reads it through InfluxDb.System (database system): no data.',
  },
  {
    file: `${MD}dashboards/environment/environment-consul.json`,
    rule: 'grafana-measurement-wrong-database',
    line: 1949,
    why: 'client_rpc is Consul\'s statsd metric consul.client.rpc ("consul.client.* .measurement.measurement*" in consul_statsd_rules.txt); telegraf.ctmpl tags [[inputs.statsd]] with influxdb_database = "statsd", and the outputs.influxdb whose tagpass is ["statsd"] writes to {{ keyOrDefault "config/services/metrics/databases/statsd" }}, which metrics.yaml sets to "services". The builder target\'s panel uses InfluxDb.System (database system): no data.',
  },
  {
    file: `${MD}dashboards/environment/environment-consul.json`,
    rule: 'grafana-alert-without-runbook',
    line: 1556,
    why: 'The legacy Grafana alert has no runbook link in its message, tags or panel links; the on-call engineer gets nothing to follow.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'influxql-no-time-filter',
    line: 132,
    why: 'The raw query of the "Unsealed" table panel has no $timeFilter or time condition: it reads all of consul_health_checks in the retention period.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 754,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.runtime.alloc_bytes is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 797,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.runtime.sys_bytes is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 977,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.get is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1015,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.get is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1142,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.put is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1180,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.put is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1295,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.wal.persistWALs is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1338,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.wal.persistWALs is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-alert-without-runbook',
    line: 1401,
    why: 'The legacy Grafana alert has no runbook link in its message, tags or panel links; the on-call engineer gets nothing to follow.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1484,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.runtime.gc_pause_ns is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1643,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.list is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1681,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.list is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1808,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.delete is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1843,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.consul.delete is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 1965,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.wal.flushReady is never written.',
  },
  {
    file: `${MD}dashboards/environment/environment-vault.json`,
    rule: 'grafana-unknown-measurement',
    line: 2105,
    why: 'Vault metrics arrive through Telegraf statsd with metric_separator "_" and the templates of secrets_statsd_rules.txt (e.g. "vault.runtime.* .measurement.measurement*" -> runtime_alloc_bytes); a dotted name like vault.core.leadership_lost is never written.',
  },
  {
    file: `${MD}dashboards/infrastructure/infrastructure-hyperv.json`,
    rule: 'grafana-unknown-measurement',
    line: 1142,
    why: 'Nothing in the Calvinverse configuration (Telegraf inputs, statsd templates) writes builds.build.completed into InfluxDb.System; the only build statistics source (Jenkins statistics-gatherer) posts to an HTTP API, not InfluxDB.',
  },
  {
    file: `${MD}dashboards/network/network-unifi.uap.json`,
    rule: 'grafana-missing-uid',
    line: 1,
    why: 'The dashboard JSON has no uid, so Grafana assigns a random one on every provisioning: links break and re-imports duplicate it.',
  },
  {
    file: `${MD}dashboards/network/network-unifi.usg.json`,
    rule: 'grafana-missing-uid',
    line: 1,
    why: 'The dashboard JSON has no uid, so Grafana assigns a random one on every provisioning: links break and re-imports duplicate it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-elasticsearch.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-elasticsearch.json is never pushed to Consul KV and Grafana never provisions it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-elasticsearch.json`,
    rule: 'grafana-undefined-variable',
    line: 375,
    why: 'The dashboard defines _cluster and _node; the panel description uses ${cluster:csv}, which does not exist.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-influxdb.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-influxdb.json is never pushed to Consul KV and Grafana never provisions it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-influxdb.json`,
    rule: 'grafana-unused-variable',
    line: 1998,
    why: 'No query, title or repeat of the InfluxDB dashboard uses $_environment: the dropdown changes nothing.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-jenkins.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-jenkins.json is never pushed to Consul KV and Grafana never provisions it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-nexus.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-nexus.json is never pushed to Consul KV and Grafana never provisions it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-proxy.forwarder.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-proxy.forwarder.json is never pushed to Consul KV and Grafana never provisions it.',
  },
  {
    file: `${MD}dashboards/services.external/services.external-queue.json`,
    rule: 'manifest-unlisted-file',
    line: 1,
    why: 'dashboards.yaml lists "service.external-*" names, so the real file services.external-queue.json is never pushed to Consul KV and Grafana never provisions it.',
  },
];

describe.skipIf(!existsSync(corpus))('calvin lint on the Calvinverse corpus', () => {
  it('finds exactly the pinned mistakes (file, rule, line)', async () => {
    const run = await lintPaths({
      paths: [corpus],
      root: repoRoot,
      cwd: corpus,
      rules: RULES.filter((r) => !r.meta.id.startsWith('live-')),
    });
    const found = run.results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}`)).sort();
    expect(found).toEqual(PINNED.map((p) => `${p.file}:${p.line} ${p.rule}`).sort());
  });

  it('reads the environment model from the corpus KV, and the environment rules find nothing there', async () => {
    // metrics.yaml routes statsd to `services`; the dashboards reference InfluxDb.System and
    // InfluxDb.Services by name, which Grafana resolves; they have no InfluxDB annotations or notes.
    const ids = [
      'influx-unknown-database',
      'grafana-unresolved-datasource',
      'grafana-legacy-annotation',
      'chronograf-single-value-variable',
      'chronograf-note-rewritten',
    ];
    const run = await lintPaths({
      paths: [corpus],
      root: repoRoot,
      cwd: corpus,
      rules: RULES.filter((r) => ids.includes(r.meta.id)),
    });
    expect(run.project.knowledge.environment.databases).toEqual(DEFAULT_ENVIRONMENT.databases);
    expect(run.project.knowledge.environment.datasources.map((d) => [d.name, d.database]).sort()).toEqual(
      DEFAULT_ENVIRONMENT.datasources.map((d) => [d.name, d.database]).sort(),
    );
    expect(run.results.flatMap((r) => r.messages)).toEqual([]);
  });

  it('explains every pinned finding', () => {
    for (const p of PINNED) expect(p.why.length, `${p.file}:${p.line}`).toBeGreaterThan(40);
  });
});
