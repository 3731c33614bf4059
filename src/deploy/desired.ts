/** Pure: rendered artifacts → the objects each deploy target should hold. */
import type { Artifact } from '../render/types.js';
import type { DeployTarget, DesiredObject, ObjectKind } from './types.js';

const KIND_OF: Partial<Record<Artifact['type'], ObjectKind>> = {
  'grafana-dashboard': 'grafana/dashboard',
  'grafana-kv': 'consul-kv/key',
  'chronograf-dashboard': 'chronograf/dashboard',
  'kapacitor-task': 'kapacitor/task',
  'logstash-kv': 'consul-kv/key',
  'es-index-template': 'elasticsearch/index-template',
  'es-component-template': 'elasticsearch/component-template',
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** kebab-case folder uid from a folder title, as Grafana accepts (≤ 40 chars). */
export function folderUid(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (slug || 'calvin').slice(0, 40);
}

/**
 * Grafana artifacts carry the dashboard JSON as body (or `{dashboard, folderUid, folderTitle}`); the
 * folder comes from `artifact.meta` (`folder`, `folderUid`), else from the body, else "calvin".
 */
function grafanaBody(artifact: Artifact): {
  dashboard: Record<string, unknown>;
  folderUid: string;
  folderTitle: string;
} {
  const body = record(artifact.body);
  const meta = artifact.meta ?? {};
  const wrapped = 'dashboard' in body;
  const dashboard = wrapped ? record(body.dashboard) : body;
  const title = meta.folder ?? (typeof body.folderTitle === 'string' ? body.folderTitle : undefined) ?? 'calvin';
  const uid =
    meta.folderUid ?? (typeof body.folderUid === 'string' && body.folderUid ? body.folderUid : folderUid(title));
  return {
    dashboard: { ...dashboard, uid: typeof dashboard.uid === 'string' ? dashboard.uid : artifact.name },
    folderUid: uid,
    folderTitle: title,
  };
}

export function desiredFromArtifact(artifact: Artifact): DesiredObject | undefined {
  const kind = KIND_OF[artifact.type];
  if (!kind) return undefined; // logstash-pipeline files are deployed through logstash-kv
  const base = { kind, name: artifact.name, definitionId: artifact.definitionId };
  switch (kind) {
    case 'grafana/dashboard': {
      const body = grafanaBody(artifact);
      return { ...base, name: String(body.dashboard.uid), body };
    }
    case 'consul-kv/key':
      return { ...base, body: artifact.content };
    case 'kapacitor/task': {
      const body = record(artifact.body);
      return { ...base, body: { ...body, id: artifact.name, status: body.status ?? 'enabled' } };
    }
    default:
      return { ...base, body: artifact.body };
  }
}

/** Desired objects of the chosen targets, in artifact order. */
export function desiredObjects(artifacts: readonly Artifact[], targets: readonly DeployTarget[]): DesiredObject[] {
  const out: DesiredObject[] = [];
  for (const artifact of artifacts) {
    const desired = desiredFromArtifact(artifact);
    if (desired && targets.includes(desired.kind.slice(0, desired.kind.indexOf('/')) as DeployTarget))
      out.push(desired);
  }
  return out;
}
