/** The shipped examples/ (hand-written artifacts with typical mistakes) and what lint finds in them. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../../src/lint/lint.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('calvin lint examples/', () => {
  it('finds exactly the mistakes examples/README.md lists', async () => {
    const run = await lintPaths({ paths: ['examples'], cwd: repoRoot, root: repoRoot });
    const found = run.results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.ruleId}`)).sort();
    expect(found).toEqual([
      'examples/elasticsearch/logs-template.json:3 es-template-priority',
      'examples/grafana/host-overview-copy.json:1 grafana-duplicate-uid',
      'examples/grafana/host-overview.json:1 grafana-duplicate-uid',
      'examples/grafana/host-overview.json:40 influxql-group-by-time-fill',
      'examples/grafana/host-overview.json:40 influxql-no-time-filter',
      'examples/grafana/host-overview.json:44 grafana-duplicate-panel-id',
      'examples/grafana/host-overview.json:53 grafana-undefined-variable',
      'examples/grafana/host-overview.json:53 grafana-unknown-measurement',
      'examples/grafana/host-overview.json:69 grafana-unknown-datasource',
      'examples/kapacitor/cpu-high.tick:7 tickscript-syntax',
      'examples/logstash/nexus.conf:14 logstash-unknown-field',
      'examples/logstash/nexus.conf:15 logstash-grok-without-match',
      'examples/logstash/nexus.conf:16 logstash-unrouted-tag',
    ]);
  });
});
