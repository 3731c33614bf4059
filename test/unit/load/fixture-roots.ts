/** Writes small definition projects into temp dirs: valid ones and each kind of bad input. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SERVICE_TS = (id: string, consulName = id): string => `import type { ServiceDef } from 'calvin';
const service: ServiceDef = {
  kind: 'service', id: '${id}', consulName: '${consulName}', title: '${id}', aliases: [], owner: 'team-infra',
  metrics: { database: 'system', measurements: ['cpu'], tagFilters: {}, signals: [] },
  logs: { indexPattern: 'logs-*', serviceNames: ['${id}'], processNames: [] },
  runbooks: [],
};
export default service;
`;

export const DASHBOARD_TS = (id: string, service: string): string => `import type { DashboardDef } from 'calvin';
export default {
  kind: 'dashboard', id: '${id}', title: '${id}', service: '${service}', tags: ['calvin'], folder: 'calvin',
  time: { from: 'now-6h', to: 'now' }, variables: [], annotations: [], links: [],
  rows: [{ title: 'Host', collapsed: false, panels: [] }],
} satisfies DashboardDef;
`;

export const ALERT_TS = (
  id: string,
  service: string,
  runbook: { file?: string; markdown?: string } = { markdown: '# Runbook' },
): string => `import type { AlertDef } from 'calvin';
const alert: AlertDef = {
  kind: 'alert', id: '${id}', name: 'A${id.replace(/-/g, '')}', service: '${service}', owner: 'team-infra', severity: 'page',
  description: 'disk', message: 'disk full',
  query: { database: 'system', retentionPolicy: 'autogen', measurement: 'disk', field: 'used_percent', fn: 'mean', where: [], groupBy: ['host'], period: '5m', every: '1m' },
  condition: { type: 'threshold', direction: 'above', warn: 80, crit: 90 },
  runbook: { title: 'Disk full', url: 'https://runbooks.example/${id}', markdown: ${JSON.stringify(runbook.markdown ?? '')}${runbook.file ? `, file: ${JSON.stringify(runbook.file)}` : ''} },
  handlers: [{ type: 'log', path: '/tmp/alerts.log' }],
  tests: [],
};
export default alert;
`;

export const LOG_FILTER_TS = (id: string, service?: string): string => `import type { LogFilterDef } from 'calvin';
export default [{
  kind: 'log-filter', id: '${id}', ${service ? `service: '${service}', ` : ''}description: 'x', order: 10,
  match: { op: '==', field: 'program', value: 'nexus' }, steps: [], produces: [], tests: [],
}] satisfies LogFilterDef[];
`;

export const INDEX_TEMPLATE_TS = (
  id: string,
  fromLogFilters: string[],
): string => `import type { IndexTemplateDef } from 'calvin';
export default {
  kind: 'index-template', id: '${id}', name: '${id}', patterns: ['logs-*'], priority: 200, components: [], settings: {},
  mappings: {}, fromLogFilters: ${JSON.stringify(fromLogFilters)}, ecsBase: true,
} satisfies IndexTemplateDef;
`;

export interface TempRoot {
  root: string;
  write(relative: string, content: string): void;
  remove(): void;
}

/** A temp project; `inside` puts it under the given folder (e.g. the repo) instead of the OS temp dir. */
export function tempRoot(inside?: string): TempRoot {
  const base = inside ?? os.tmpdir();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, 'calvin-load-'));
  return {
    root,
    write(relative, content) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A complete valid project: one of each kind, a runbook file, helpers and tests that must be ignored. */
export function writeValidProject(target: TempRoot): void {
  target.write('services/artefacts.ts', SERVICE_TS('artefacts'));
  target.write('dashboards/artefacts.ts', DASHBOARD_TS('artefacts-overview', 'artefacts'));
  target.write(
    'alerts/artefacts-disk-full.ts',
    ALERT_TS('artefacts-disk-full', 'artefacts', { file: 'alerts/runbooks/artefacts-disk-full.md' }),
  );
  target.write('alerts/runbooks/artefacts-disk-full.md', '# Artefacts disk full\n\nFree space on /srv.\n');
  target.write('log-filters/nexus.ts', LOG_FILTER_TS('nexus-request-log', 'artefacts'));
  target.write('index-templates/logs.ts', INDEX_TEMPLATE_TS('logs', ['nexus-request-log']));
  target.write('dashboards/_shared.ts', 'throw new Error("helpers are not definitions");\n');
  target.write('dashboards/artefacts.test.ts', 'throw new Error("tests are not definitions");\n');
}
