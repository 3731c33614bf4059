/**
 * Hostile inputs through the library, along the same path the CLI takes (redaction of the data,
 * rendering, then the terminal gate every CLI write passes): lint, build, test, import, diagnose
 * and deploy. The CLI itself is spawned sparingly in cli.hostile.test.ts.
 */
import path from 'node:path';
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { alert, logHandler } from '../../src/define/alert.js';
import type { Catalog, LogFilterDef } from '../../src/define/types.js';
import { modelProblem } from '../../src/define/validate.js';
import { formatPlanText, planToJson } from '../../src/deploy/format.js';
import type { Plan } from '../../src/deploy/types.js';
import type { DiagnoseBackends } from '../../src/diagnose/collect.js';
import { diagnose, exitCodeOf } from '../../src/diagnose/run.js';
import { CalvinError, isCalvinError } from '../../src/errors.js';
import { emitDashboardModule, importGrafanaDashboard } from '../../src/import/index.js';
import { FORMATTERS } from '../../src/lint/formatters/index.js';
import { lintExitCode } from '../../src/lint/exit-code.js';
import { lintInputs } from '../../src/lint/lint.js';
import { RULES } from '../../src/lint/rules/index.js';
import { loadCatalog } from '../../src/load/load-catalog.js';
import { loadOniguruma } from '../../src/logstash/grok/engine.js';
import { formatReport } from '../../src/logstash/testing/format.js';
import { runLogFilterTests, runTests } from '../../src/logstash/testing/run.js';
import { testExitCode } from '../../src/logstash/testing/types.js';
import { defaultRenderOptions } from '../../src/render/index.js';
import { renderKapacitor } from '../../src/render/kapacitor.js';
import { redact, redactDeep } from '../../src/redact.js';
import { renderRedactedReport } from '../../src/report/index.js';
import { escapeControlLine, terminalSafe } from '../../src/terminal.js';
import { checkInvariants, hostileText, type MachineFormat, type Outcome } from './invariants.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const stdout = (text: string, exitCode: number): Outcome => ({
  stdout: terminalSafe(text, false),
  stderr: '',
  exitCode,
});
/** A refusal as the CLI prints it (src/cli/main.ts). */
function refused(error: unknown): Outcome {
  if (!isCalvinError(error)) throw error;
  return {
    stdout: '',
    stderr: terminalSafe(`calvin: ${escapeControlLine(redact(error.oneLine()))}\n`, false),
    exitCode: 2,
  };
}

let shipped: Catalog;
beforeAll(async () => {
  await loadOniguruma();
  shipped = await loadCatalog(repoRoot);
}, 120_000);

describe('hostile inputs through the library', () => {
  it('lint: hostile dashboards, Logstash configs and raw files, every formatter', () => {
    const file = fc.oneof(
      fc.record({ title: hostileText, panel: hostileText, query: hostileText, ds: hostileText }).map((h) => ({
        path: `dash-${h.title.length}.json`,
        text: JSON.stringify({
          uid: h.title.slice(0, 20),
          title: h.title,
          panels: [
            {
              id: 1,
              type: 'graph',
              title: h.panel,
              datasource: h.ds,
              targets: [{ refId: 'A', rawQuery: true, query: h.query }],
            },
          ],
        }),
      })),
      fc.record({ a: hostileText, b: hostileText }).map((h) => ({
        path: 'pipeline/filter.conf',
        text: `filter {\n  grok { match => { "message" => "${h.a}" } add_tag => ["${h.b}"] }\n  mutate { add_field => { "x" => "${h.b}" } }\n}\n`,
      })),
      fc
        .record({ name: hostileText, body: hostileText })
        .map((h) => ({ path: `raw-${h.name.length}.json`, text: h.body })),
      fc.integer({ min: 200, max: 3000 }).map((n) => ({ path: 'deep.json', text: `${'['.repeat(n)}${']'.repeat(n)}` })),
    );
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => {
        const { results, project } = lintInputs(files, { rules: RULES });
        const exitCode = lintExitCode(results, -1, project.skipped);
        const context = { rules: new Map(RULES.map((r) => [r.meta.id, r.meta])), skipped: redactDeep(project.skipped) };
        for (const [name, format] of Object.entries(FORMATTERS)) {
          const machine = (['json', 'sarif', 'junit'] as string[]).includes(name) ? (name as MachineFormat) : undefined;
          checkInvariants(stdout(format(redactDeep(results), context), exitCode), {
            exits: [0, 1, 2],
            ...(machine ? { machine } : {}),
          });
        }
      }),
      { numRuns: 90, seed: 1 },
    );
  });

  it('build: hostile alert names, messages, owners and tag values render or are refused in one line', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText, fc.constant('hostile-ok')),
        hostileText,
        hostileText,
        hostileText,
        (id, message, owner, value) => {
          let outcome: Outcome;
          try {
            const def = alert(id, 'artefacts')
              .owner(owner)
              .from('system', 'cpu')
              .field('usage_idle')
              .where('host', value)
              .threshold({ direction: 'above', crit: 90 })
              .message(message)
              .runbook({ title: 'T', markdown: 'x' })
              .handlers([logHandler('/tmp/x.log')])
              .withTest({
                name: 't',
                series: { 'cpu,host=h usage_idle': '95x10' },
                expect: [{ at: '10m', level: 'CRITICAL' }],
              })
              .build();
            if (modelProblem(def)) throw new Error(`builder accepted what the model refuses: ${modelProblem(def)}`);
            const artifacts = renderKapacitor([def], shipped.services, defaultRenderOptions());
            outcome = stdout(JSON.stringify(redactDeep(artifacts)), 0);
          } catch (error) {
            outcome = refused(error);
          }
          checkInvariants(outcome, { exits: [0, 2] });
        },
      ),
      { numRuns: 50, seed: 2 },
    );
  });

  it('test: hostile log lines through a shipped log filter, every report format', () => {
    const filter = shipped.logFilters[0] as LogFilterDef;
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 3 }), (lines) => {
        const def: LogFilterDef = {
          ...filter,
          tests: lines.map((message, i) => ({
            name: `case ${i} ${message}`,
            input: { message },
            expect: { tags: [message] },
          })),
        };
        const suite = runLogFilterTests(def, { now: new Date('2026-12-06T00:00:00Z') });
        const report = runTests(
          { catalog: { ...shipped, alerts: [], logFilters: [def] } },
          { now: new Date('2026-12-06T00:00:00Z') },
        );
        for (const format of ['text', 'json', 'junit'] as const) {
          const machine = format === 'text' ? {} : { machine: format as MachineFormat };
          checkInvariants(stdout(formatReport(redactDeep(report), format), testExitCode(report)), {
            exits: [0, 1],
            ...machine,
          });
        }
        if (suite.cases.length !== lines.length) throw new Error('a case went missing');
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('import: hostile Grafana dashboards import to a module that compiles, or are refused', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (title, panel, query, legend) => {
        let outcome: Outcome;
        try {
          const imported = importGrafanaDashboard({
            uid: 'hostile',
            title,
            panels: [
              { id: 1, type: 'graph', title: panel, targets: [{ refId: 'A', rawQuery: true, query, alias: legend }] },
            ],
          } as never);
          const module = emitDashboardModule(imported.definition, {
            header: `imported from ${title}`,
            notes: imported.notes,
          });
          transformSync(module, { loader: 'ts' });
          outcome = stdout(redact(module), 0);
        } catch (error) {
          outcome = refused(error);
        }
        checkInvariants(outcome, { exits: [0, 2] });
      }),
      { numRuns: 50, seed: 4 },
    );
  });

  it('diagnose: hostile Consul names, check outputs and backend errors, every report format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          node: hostileText,
          check: hostileText,
          output: hostileText,
          error: hostileText,
          service: hostileText,
        }),
        fc.constantFrom('ok', 'down'),
        async (h, influx) => {
          const backends: DiagnoseBackends = {
            datacenter: async () => 'test',
            listServices: async () => ['artefacts', h.service],
            serviceInstances: async (name) => {
              if (name !== 'artefacts') throw new CalvinError('BACKEND_ERROR', `Consul answered 400: ${h.error}`);
              const checks = [{ name: h.check, status: 'critical', output: h.output }];
              return [{ node: h.node, address: '10.0.0.1', serviceId: `nexus_${h.node}`, checks }] as never;
            },
            endpoints: async () => ({ influx: { url: 'http://influx' }, elasticsearch: { url: 'http://es' } }),
            influxQuery: async () => {
              if (influx === 'down') throw new CalvinError('BACKEND_ERROR', `InfluxDB said ${h.error}`);
              return [];
            },
            esFieldCaps: async () => {
              throw new CalvinError('BACKEND_UNREACHABLE', `Elasticsearch said ${h.error}`);
            },
            esSearch: async () => ({}),
            esMultiSearch: async () => [],
          };
          for (const query of ['artefacts', h.service.slice(0, 30) || 'x']) {
            let result;
            try {
              result = await diagnose({ databases: { system: 'system' } } as never, {
                query,
                backends,
                deadlineMs: 5_000,
                knownIssuesDir: path.join(repoRoot, 'known-issues'),
                to: new Date('2026-12-06T00:00:00Z'),
              });
            } catch (error) {
              checkInvariants(refused(error), { exits: [2] });
              continue;
            }
            const warnings = Object.entries(result.sourceErrors)
              .map(([source, why]) => `calvin: warning: ${source}: ${String(why)}\n`)
              .join('');
            for (const format of ['text', 'json', 'markdown'] as const) {
              const text = renderRedactedReport(format, { diagnosis: result.diagnosis, charts: result.charts });
              checkInvariants(
                { ...stdout(text, exitCodeOf(result.diagnosis)), stderr: terminalSafe(redact(warnings), false) },
                { exits: [0, 1, 3], ...(format === 'json' ? { machine: 'json' as const } : {}) },
              );
            }
          }
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });

  it('deploy: hostile object names, diffs and notes in the plan, text and JSON', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, diff, note) => {
        const plan: Plan = {
          environment: 'test',
          items: [
            { action: 'create', kind: 'grafana/dashboard', name, diff, changedFields: [], note },
            { action: 'update', kind: 'kapacitor/task', name: `${name}-2`, diff, changedFields: [note] },
          ],
          summary: { create: 1, update: 1, delete: 0, unchanged: 0 },
          foreignSkipped: 0,
          prune: false,
          orphaned: [{ kind: 'grafana/dashboard', name }],
        } as never;
        const safe = redactDeep(plan);
        checkInvariants(stdout(redact(formatPlanText(safe, { color: false })), 0), { exits: [0] });
        checkInvariants(stdout(`${JSON.stringify(planToJson(safe), null, 2)}\n`, 0), { exits: [0], machine: 'json' });
      }),
      { numRuns: 40, seed: 6 },
    );
  });
});
