/**
 * Findings on typed definitions point at the line of the .ts source that writes the offending id,
 * measurement or field, so SARIF results and GitHub annotations land on a real line, not on 1:1.
 */
import { describe, expect, it } from 'vitest';
import { lintInputs } from '../../../src/lint/lint.js';
import { buildDefinitionModel, sourceFinder } from '../../../src/lint/model/definitions.js';
import { rule as alertUnknownMeasurement } from '../../../src/lint/rules/alert-unknown-measurement.js';
import { rule as alertWithoutRunbook } from '../../../src/lint/rules/alert-without-runbook.js';
import { rule as influxqlNoTimeFilter } from '../../../src/lint/rules/influxql-no-time-filter.js';
import { alertDef, dashboardDef, diskQuery } from './definitions.js';

const alertSource = [
  "import { alert } from 'calvin';",
  '',
  "export default alert('artefacts-disk-full', {",
  "  name: 'ArtefactsDiskFull',",
  "  query: { database: 'system', measurement: 'dsk', field: 'used_percent' },",
  '});',
  '',
].join('\n');

const empty = { services: [], dashboards: [], alerts: [], logFilters: [], indexTemplates: [] };

describe('locations of findings on typed definitions', () => {
  it('finds quoted literals before plain text, with 1-based line and column', () => {
    const find = sourceFinder('const a = \'dsk-x\';\nconst b = "dsk";\n');
    expect(find('dsk')).toEqual({ line: 2, column: 11 });
    expect(find('nowhere')).toBeUndefined();
  });

  it('puts a definition at its id literal and a finding about its measurement at that literal', () => {
    const a = alertDef({ query: { ...alertDef().query, measurement: 'dsk' } });
    const sources = new Map([['alerts/artefacts.ts', alertSource]]);
    const { results } = lintInputs([], {
      catalog: { ...empty, alerts: [a] },
      rules: [alertUnknownMeasurement],
      definitionSources: sources,
    });
    expect(results.flatMap((r) => r.messages.map((m) => [r.filePath, m.line, m.column]))).toEqual([
      ['alerts/artefacts.ts', 5, 45],
    ]);
    const model = buildDefinitionModel({ ...empty, alerts: [a] }, sources);
    expect(model.alerts[0]).toMatchObject({ line: 3, column: 22 });
  });

  it('reports alert-level findings at the id line', () => {
    const a = alertDef({ runbook: { title: 't', markdown: '# x', url: '' } });
    const { results } = lintInputs([], {
      catalog: { ...empty, alerts: [a] },
      rules: [alertWithoutRunbook],
      definitionSources: new Map([['alerts/artefacts.ts', alertSource]]),
    });
    expect(results[0]?.messages.map((m) => m.line)).toEqual([3]);
  });

  it('puts each dashboard query at its measurement literal', () => {
    const d = dashboardDef([diskQuery({ timeFilter: false })], { source: { file: 'dashboards/artefacts.ts' } });
    const src =
      "export default dashboard('artefacts-overview', {\n  rows: [row('Host', [\n    panel('Disk', influx({ measurement: 'disk', timeFilter: false })),\n  ])],\n});\n";
    const { results } = lintInputs([], {
      catalog: { ...empty, dashboards: [d] },
      rules: [influxqlNoTimeFilter],
      definitionSources: new Map([['dashboards/artefacts.ts', src]]),
    });
    expect(results.flatMap((r) => r.messages.map((m) => [r.filePath, m.line]))).toEqual([
      ['dashboards/artefacts.ts', 3],
    ]);
  });

  it('stays at 1:1 without the source text', () => {
    const a = alertDef({ query: { ...alertDef().query, measurement: 'dsk' } });
    const { results } = lintInputs([], { catalog: { ...empty, alerts: [a] }, rules: [alertUnknownMeasurement] });
    expect(results[0]?.messages.map((m) => [m.line, m.column])).toEqual([[1, 1]]);
  });
});
