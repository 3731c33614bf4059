import { describe, expect, it } from 'vitest';
import { desiredObjects } from '../../../src/deploy/desired.js';
import { parseTargets, checkEnvironment } from '../../../src/cli/deploy-io.js';
import type { Artifact } from '../../../src/render/types.js';

const artifact = (type: Artifact['type'], name: string, body: unknown, extra: Partial<Artifact> = {}): Artifact => ({
  target: 'grafana',
  type,
  definitionId: 'x',
  name,
  path: `p/${name}`,
  content: typeof body === 'string' ? body : `${JSON.stringify(body)}\n`,
  body,
  ...extra,
});

describe('desiredObjects', () => {
  it('maps each artifact type to its deploy kind and keeps only the chosen targets', () => {
    const artifacts = [
      artifact(
        'grafana-dashboard',
        'calvin-a',
        { uid: 'calvin-a', title: 'A', tags: ['calvin'] },
        { meta: { folder: 'Build infrastructure', folderUid: 'folder-build' } },
      ),
      artifact('grafana-kv', 'config/services/dashboards/metrics/provisioning/dashboards/x/calvin-a', {
        uid: 'calvin-a',
      }),
      artifact('logstash-kv', 'config/services/logs/filters/nexus', 'filter {}\n'),
      artifact('logstash-pipeline', 'nexus', 'filter {}\n'),
      artifact('kapacitor-task', 'calvin-disk', { id: 'calvin-disk', type: 'stream', dbrps: [], script: 'stream' }),
      artifact('es-component-template', 'ecs', { template: {} }),
    ];
    const all = desiredObjects(artifacts, ['grafana', 'consul-kv', 'kapacitor', 'elasticsearch', 'chronograf']);
    expect(all.map((d) => `${d.kind} ${d.name}`)).toEqual([
      'grafana/dashboard calvin-a',
      'consul-kv/key config/services/dashboards/metrics/provisioning/dashboards/x/calvin-a',
      'consul-kv/key config/services/logs/filters/nexus',
      'kapacitor/task calvin-disk',
      'elasticsearch/component-template ecs',
    ]);
    expect(all[0]?.body).toEqual({
      dashboard: { uid: 'calvin-a', title: 'A', tags: ['calvin'] },
      folderUid: 'folder-build',
      folderTitle: 'Build infrastructure',
    });
    expect(all[1]?.body).toBe('{"uid":"calvin-a"}\n'); // KV gets the exact bytes
    expect(all[3]?.body).toMatchObject({ status: 'enabled' });
    expect(desiredObjects(artifacts, ['grafana']).map((d) => d.kind)).toEqual(['grafana/dashboard']);
  });
});

describe('flags', () => {
  it('parses targets and rejects unknown ones with a hint', () => {
    expect(parseTargets('all').explicit).toBe(false);
    expect(parseTargets('grafana,kapacitor')).toEqual({ targets: ['grafana', 'kapacitor'], explicit: true });
    expect(() => parseTargets('graphana')).toThrow(/unknown deploy target "graphana"/);
  });
  it('accepts Consul datacenter names only', () => {
    expect(checkEnvironment('calvinverse-01')).toBe('calvinverse-01');
    expect(() => checkEnvironment('../etc')).toThrow(/not a Consul datacenter name/);
  });
});
