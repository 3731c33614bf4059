import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT, deriveMappings, knownMeasurement, renderInfluxQL } from '../../../src/define/index.js';
import type {
  AlertDef,
  DashboardDef,
  Definition,
  IndexTemplateDef,
  LogFilterDef,
  ServiceDef,
} from '../../../src/define/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const folders = ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates'] as const;

async function loadAll(): Promise<{ file: string; def: Definition }[]> {
  const out: { file: string; def: Definition }[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const file = `${folder}/${name}`;
      const mod = (await import(path.join(root, file))) as { default?: Definition | Definition[] };
      if (mod.default === undefined) throw new Error(`${file} has no default export`);
      for (const def of Array.isArray(mod.default) ? mod.default : [mod.default]) out.push({ file, def });
    }
  }
  return out;
}

const all = await loadAll();
const of = <K extends Definition['kind']>(kind: K) =>
  all.map((a) => a.def).filter((d): d is Extract<Definition, { kind: K }> => d.kind === kind);
const services = of('service') as ServiceDef[];
const dashboards = of('dashboard') as DashboardDef[];
const alerts = of('alert') as AlertDef[];
const logFilters = of('log-filter') as LogFilterDef[];
const templates = of('index-template') as IndexTemplateDef[];
const serviceIds = new Set(services.map((s) => s.id));

describe('shipped definitions', () => {
  it('every file holds definitions of the kind of its folder', () => {
    const kindOf: Record<string, Definition['kind']> = {
      services: 'service',
      dashboards: 'dashboard',
      alerts: 'alert',
      'log-filters': 'log-filter',
      'index-templates': 'index-template',
    };
    for (const { file, def } of all) expect(def.kind, file).toBe(kindOf[file.split('/')[0] as string]);
  });

  it('ids are unique across all kinds and kebab-case', () => {
    const ids = all.map((a) => a.def.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('covers the Calvinverse services with their Consul names and aliases', () => {
    const expected: Record<string, [string, string[]]> = {
      host: ['host', []],
      consul: ['consul', []],
      artefacts: ['artefacts', ['nexus']],
      builds: ['builds', ['jenkins']],
      queue: ['queue', ['rabbitmq']],
      metrics: ['metrics', ['influxdb']],
      documents: ['documents', ['elasticsearch']],
      logs: ['logs', ['logstash']],
      secrets: ['secrets', ['vault']],
      proxy: ['proxy', ['fabio']],
    };
    for (const [id, [consulName, aliases]] of Object.entries(expected)) {
      const svc = services.find((s) => s.id === id);
      expect(svc, id).toBeDefined();
      expect(svc?.consulName).toBe(consulName);
      for (const a of aliases) expect(svc?.aliases).toContain(a);
    }
    const allAliases = services.flatMap((s) => [s.id, ...s.aliases]);
    expect(new Set(allAliases).size).toBe(allAliases.length);
  });

  it('every service watches the host signals and links runbooks that exist', () => {
    for (const s of services) {
      const names = s.metrics.signals.map((x) => x.name);
      expect(names, s.id).toEqual(
        expect.arrayContaining(['cpu.busy', 'mem.used_percent', 'disk.used_percent', 'system.load1']),
      );
      expect(s.runbooks.length, s.id).toBeGreaterThan(0);
      for (const r of s.runbooks) {
        const id = /\/([a-z0-9-]+)\.md$/.exec(r.url)?.[1];
        expect(
          alerts.some((a) => a.id === id),
          `${s.id} links ${r.url}`,
        ).toBe(true);
      }
    }
  });

  it('ships 10+ dashboards, each with $host from tag values, deploy annotations, runbook links and a log-count panel', () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(10);
    for (const d of dashboards) {
      if (d.service) expect(serviceIds.has(d.service), d.id).toBe(true);
      expect(
        d.variables.some((v) => v.kind === 'query' && v.name === 'host' && v.tag === 'host'),
        d.id,
      ).toBe(true);
      expect(
        d.annotations.some((a) => a.query.measurement === 'calvin_deploys'),
        d.id,
      ).toBe(true);
      expect(d.links.length, d.id).toBeGreaterThan(0);
      const panels = d.rows.flatMap((r) => r.panels);
      expect(
        panels.some((p) => p.type === 'log-count'),
        d.id,
      ).toBe(true);
      for (const p of panels)
        for (const q of p.queries)
          if (q.kind === 'influxql') expect(() => renderInfluxQL(q), `${d.id}/${p.title}`).not.toThrow();
    }
  });

  it('ships 20+ alerts, each of a known service with a runbook file, a URL, handlers and tests', () => {
    expect(alerts.length).toBeGreaterThanOrEqual(20);
    for (const a of alerts) {
      expect(serviceIds.has(a.service), `${a.id} → ${a.service}`).toBe(true);
      expect(a.runbook.url, a.id).toMatch(/^(https:\/\/.+|runbooks\/[\w-]+)\.md$/);
      const file = a.runbook.file ?? '';
      expect(file, a.id).toBe(`runbooks/${a.id}.md`);
      expect(existsSync(path.join(root, file)), file).toBe(true);
      expect(readFileSync(path.join(root, file), 'utf8')).toContain(`calvin diagnose ${a.service}`);
      expect(a.handlers.length, a.id).toBeGreaterThan(0);
      expect(a.tests.length, a.id).toBeGreaterThan(0);
    }
    const names = alerts.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has a log filter for every syslog program of the Calvinverse services, each with tests', () => {
    const programs = [
      'nexus',
      'run_jenkins.sh',
      'rabbitmq-server',
      'influxd',
      'vault',
      'fabio',
      'consul',
      'logstash',
      'elasticsearch',
    ];
    const matched = (f: LogFilterDef): string[] =>
      JSON.stringify(f.match)
        .match(/"field":"process.name","value":"([^"]+)"/g)
        ?.map((m) => m.split('"value":"')[1]?.replace('"', '') ?? '') ?? [];
    const covered = logFilters.flatMap(matched);
    for (const p of programs) expect(covered, p).toContain(p);
    expect(logFilters.find((f) => f.id === 'syslog-ecs')?.order).toBeLessThan(
      Math.min(...logFilters.filter((f) => f.id !== 'syslog-ecs').map((f) => f.order)),
    );
    for (const f of logFilters) {
      if (f.service) expect(serviceIds.has(f.service), f.id).toBe(true);
      expect(f.tests.length, f.id).toBeGreaterThan(0);
    }
    for (const s of services.filter((x) => x.id !== 'host')) {
      for (const p of s.logs.processNames) expect(covered, `${s.id} ${p}`).toContain(p);
    }
  });

  it('index templates beat the built-in logs template and map every produced field without conflicts', () => {
    const logs = templates.find((t) => t.patterns.includes('logs-*'));
    expect(logs).toBeDefined();
    // calvin serve's own alert and diagnosis templates map no log fields.
    for (const t of templates.filter((x) => x.patterns.some((p) => p.startsWith('logs-')))) {
      expect(t.priority, t.id).toBeGreaterThan(100);
      const mappings = deriveMappings(t, logFilters);
      for (const f of logFilters.flatMap((x) => x.produces))
        expect(mappings[f.field], `${t.id} ${f.field}`).toBeDefined();
      expect(mappings['@timestamp']).toEqual({ type: 'date' });
      expect(mappings['host.name']?.type).toBe('keyword');
    }
  });

  it('queries, signals and alerts read measurements and fields the catalog knows, in the right database', () => {
    const uses: { where: string; database: string; measurement: string; field: string }[] = [];
    for (const d of dashboards) {
      for (const p of d.rows.flatMap((r) => r.panels)) {
        for (const q of p.queries)
          if (q.kind === 'influxql')
            for (const s of q.select)
              uses.push({
                where: `${d.id}/${p.title}`,
                database: q.database,
                measurement: q.measurement,
                field: s.field,
              });
      }
    }
    for (const s of services)
      for (const g of s.metrics.signals)
        uses.push({ where: `${s.id}/${g.name}`, database: g.database, measurement: g.measurement, field: g.field });
    for (const a of alerts)
      uses.push({ where: a.id, database: a.query.database, measurement: a.query.measurement, field: a.query.field });
    expect(uses.length).toBeGreaterThan(100);
    for (const u of uses) {
      const known = knownMeasurement(u.measurement);
      expect(known, `${u.where}: ${u.measurement}`).toBeDefined();
      // The catalog names the Telegraf route; the environment model says which database it writes.
      const database = known ? DEFAULT_ENVIRONMENT.databases[known.route] : undefined;
      expect(database, `${u.where}: ${u.measurement}`).toBe(u.database);
      expect(known?.fields, `${u.where}: ${u.measurement}.${u.field}`).toContain(u.field);
    }
  });
});
