import { rule } from '../../../../src/lint/rules/grafana-undefined-variable.js';
import { dashboard, json, panel, queryVariable, target, ruleTester } from '../rule-tester.js';

const q = (query: string, vars = [queryVariable('host')]) => json('d.json', dashboard({ variables: vars, panels: [panel({ targets: [target({ query })] })] }));

ruleTester(rule, {
  valid: [
    { files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$host$/ AND $timeFilter GROUP BY time($__interval)')] },
    { files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE host = \'${host:raw}\' AND $timeFilter GROUP BY time($interval), "host"')] },
  ],
  invalid: [
    { files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^$hostname$/ AND $timeFilter')], errors: [{ messageId: 'undefined' }] },
    { files: [q('SELECT mean("usage_idle") FROM "cpu" WHERE "host" =~ /^[[cluster]]$/ AND $timeFilter', [])], errors: [{ messageId: 'undefined' }] },
  ],
});
