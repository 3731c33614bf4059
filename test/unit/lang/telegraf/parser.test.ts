import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'smol-toml';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parseTelegraf, untemplate } from '../../../../src/lang/telegraf/index.js';
import { lintInputs } from '../../../../src/lint/lint.js';

const corpus = path.resolve(import.meta.dirname, '../../../../../shared/calvinverse-corpus');
const configs = globSync('**/telegraf*.ctmpl', { cwd: corpus, absolute: true });

describe('parseTelegraf', () => {
  it('reads every Telegraf config of the Calvinverse corpus, consul-template directives included', () => {
    expect(configs.length).toBeGreaterThan(15);
    for (const file of configs) {
      const { errors } = parseTelegraf(readFileSync(file, 'utf8'));
      expect(errors, file).toEqual([]);
    }
  });

  it('keeps directives inside values as their text, and computed values as template strings', () => {
    const { config, errors } = parseTelegraf(`[[outputs.influxdb]]
  database = "{{ keyOrDefault "config/services/metrics/databases/statsd" "statsd" }}" # required
  password = {{ with secret "secret/x" }}{{ .Data.password }}{{ end }}
  [outputs.influxdb.tagpass]
    influxdb_database = ["statsd"]
`);
    expect(errors).toEqual([]);
    const output = config.plugins[0];
    expect(output).toMatchObject({ kind: 'outputs', name: 'influxdb' });
    expect(output?.settings.database).toBe('{{ keyOrDefault "config/services/metrics/databases/statsd" "statsd" }}');
    expect(output?.settings.password).toBe('{{ with secret "secret/x" }}{{ .Data.password }}{{ end }}');
    expect(output?.settings.tagpass).toEqual({ influxdb_database: ['statsd'] });
  });

  it('keeps only the first branch of an if/else so both branches setting a key is no duplicate', () => {
    const text = `[[outputs.influxdb]]
{{ with secret "s" }}
  {{ if .Data.password }}
  username = "{{ .Data.username }}"
  {{ else }}
  username = "none"
  {{ end }}
{{ end }}
  urls = ["http://x"]
`;
    const { config, errors } = parseTelegraf(text);
    expect(errors).toEqual([]);
    expect(config.plugins[0]?.settings).toEqual({ username: '{{ .Data.username }}', urls: ['http://x'] });
    expect(untemplate(text).toml.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('reports invalid TOML with its line and column', () => {
    const { errors } = parseTelegraf('[[inputs.cpu]]\n  percpu = true\n  totalcpu = \n');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/^TOML: /);
  });

  it('round-trips the corpus configs through the TOML printer', () => {
    for (const file of configs) {
      const { config } = parseTelegraf(readFileSync(file, 'utf8'));
      const printed = stringify({
        ...config.tables,
        ...Object.fromEntries(config.plugins.map((p, i) => [`${p.kind}_${p.name}_${i}`, p.settings])),
      });
      const again = parseTelegraf(printed);
      expect(again.errors, file).toEqual([]);
    }
  });
});

describe('lint of a broken Telegraf config', () => {
  it('says the file could not be read, with its line, instead of skipping it', () => {
    const text = '[[inputs.cpu]]\n  percpu = true\n  totalcpu = \n\n[[inputs.mem]]\n';
    const { results } = lintInputs([{ path: 'telegraf.conf', text }]);
    const messages = results.flatMap((r) => r.messages);
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: 'parse-error',
        line: 3,
        message: expect.stringMatching(/^invalid Telegraf config: TOML:/),
      }),
    ]);
  });
});
