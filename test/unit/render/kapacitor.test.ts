import { describe, expect, it } from 'vitest';
import type { AlertDef } from '../../../src/define/types.js';
import {
  checkTickscript,
  defaultRenderOptions,
  diagnoseCommandTemplate,
  renderKapacitor,
  renderKapacitorTask,
} from '../../../src/render/index.js';
import { fixtureCatalog } from '../../fixtures/render/catalog.js';

const catalog = fixtureCatalog();
const [diskFull, requestsDrop, cpuBusy, metricsMissing] = catalog.alerts as [AlertDef, AlertDef, AlertDef, AlertDef];
const options = defaultRenderOptions();

describe('renderKapacitorTask', () => {
  it('produces the task body with the calvin- id prefix, dbrps and the script', () => {
    const { task, script } = renderKapacitorTask(diskFull, catalog.services, options);
    expect(task).toEqual({
      id: 'calvin-artefacts-disk-full',
      type: 'stream',
      dbrps: [{ db: 'system', rp: 'autogen' }],
      script,
      status: 'enabled',
    });
    expect(checkTickscript(script)).toEqual([]);
  });

  it('carries the runbook link and the exact diagnose command for the service and time', () => {
    const { script } = renderKapacitorTask(diskFull, catalog.services, options);
    const command =
      'calvin diagnose artefacts --env {{ index .Tags "environment" }} --to {{ .Time.UTC.Format "2006-01-02T15:04:05Z" }} --since 1h';
    expect(diagnoseCommandTemplate('artefacts')).toBe(command);
    expect(script).toContain(
      `| runbook: https://runbooks.example.invalid/calvin/artefacts-disk-full | diagnose: ${command}'`,
    );
    expect(script).toContain('.details(details)');
    // The host service's Consul name is `consul`, not its id.
    expect(renderKapacitorTask(cpuBusy, catalog.services, options).script).toContain('calvin diagnose consul --env');
    // An absolute runbook URL on the alert wins over the base URL.
    expect(renderKapacitorTask(requestsDrop, catalog.services, options).script).toContain(
      'runbook: https://wiki.example.invalid/runbooks/drops',
    );
  });

  it('renders warn/crit with hysteresis and stateDuration for `for`', () => {
    const { script } = renderKapacitorTask(diskFull, catalog.services, options);
    expect(script).toContain(
      '|stateDuration(lambda: "value" > 95.0)\n        .unit(1s)\n        .as(\'crit_duration\')',
    );
    expect(script).toContain('.crit(lambda: "crit_duration" >= 300.0)');
    expect(script).toContain('.warnReset(lambda: "value" <= 80.0)');
    expect(script).toContain('.critReset(lambda: "value" <= 92.5)');
    expect(script).toContain('.where(lambda: ("path" == \'/srv\') AND ("host" =~ /^nexus-\\/[0-9]+/))');
    expect(script).toContain(".groupBy('host', 'path', 'environment')");
  });

  it('renders relative change with shift, join and eval', () => {
    const { script } = renderKapacitorTask(requestsDrop, catalog.services, options);
    expect(script).toContain('|shift(1h)');
    expect(script).toContain("|join(current)\n        .as('past', 'current')");
    expect(script).toContain('|eval(lambda: float("current.value" - "past.value") / float("past.value") * 100.0)');
    expect(script).toContain('.crit(lambda: "value" < -60.0)');
    expect(script).toContain('.nonNegative()');
  });

  it('renders deadman and inverted values', () => {
    expect(renderKapacitorTask(metricsMissing, catalog.services, options).script).toContain('|deadman(0.0, 5m)');
    expect(renderKapacitorTask(cpuBusy, catalog.services, options).script).toContain('|eval(lambda: 100.0 - "value")');
  });

  it('writes every handler', () => {
    const { script } = renderKapacitorTask(diskFull, catalog.services, options);
    for (const line of [
      ".post('https://hooks.example.invalid/calvin?team=infra&x=1')",
      '.slack()',
      ".channel('#ops')",
      '.email()',
      ".to('ops@example.invalid')",
      ".log('/var/log/kapacitor/alerts.log')",
      ".routingKey('key-123')",
    ]) {
      expect(script).toContain(line);
    }
  });

  it('refuses dashboard variables and unsupported functions with a clear error', () => {
    const withVariable: AlertDef = {
      ...diskFull,
      query: { ...diskFull.query, where: [{ key: 'host', op: '=~', value: { kind: 'variable', name: 'host' } }] },
    };
    expect(() => renderKapacitorTask(withVariable, catalog.services, options)).toThrow(/dashboard variable \$host/);
    const distinct: AlertDef = { ...diskFull, query: { ...diskFull.query, fn: 'distinct' } };
    expect(() => renderKapacitorTask(distinct, catalog.services, options)).toThrow(/distinct/);
    const badPeriod: AlertDef = { ...diskFull, query: { ...diskFull.query, period: '5 minutes' } };
    expect(() => renderKapacitorTask(badPeriod, catalog.services, options)).toThrow(/not a TICKscript duration/);
  });

  it('refuses to emit a script its own TICKscript check rejects, naming the alert', () => {
    // Kapacitor's lexer reads `\\/` as an escaped slash, so a regex ending in a backslash pair never ends.
    const trailing: AlertDef = {
      ...diskFull,
      query: { ...diskFull.query, where: [{ key: 'path', op: '=~', value: { kind: 'regex', pattern: 'C:\\\\' } }] },
    };
    let error: unknown;
    try {
      renderKapacitor([trailing], catalog.services, options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'BAD_DEFINITION',
      message: expect.stringMatching(
        /^alert artefacts-disk-full: rendered TICKscript is invalid at \d+:\d+: unterminated regex/,
      ),
    });
    expect(() =>
      renderKapacitorTask(
        { ...diskFull, condition: { type: 'threshold', direction: 'above', crit: 2e21 } },
        catalog.services,
        options,
      ),
    ).not.toThrow();
  });

  it('emits a task and a .tick file per alert', () => {
    const artifacts = renderKapacitor(catalog.alerts, catalog.services, options);
    expect(artifacts.map((a) => `${a.type} ${a.path}`)).toContain(
      'kapacitor-tickscript kapacitor/tickscripts/calvin-host-cpu-busy.tick',
    );
    expect(artifacts.filter((a) => a.type === 'kapacitor-task')).toHaveLength(4);
  });
});
