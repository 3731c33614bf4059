/**
 * `--debug` prints the backend requests of diagnose (redacted), as `--help` and the error hints say;
 * `diagnose consul` reports sources.influx honestly when some of its queries fail (database missing).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STACK } from './stack-helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/esm/index.mjs');
const main = path.join(repoRoot, 'src/cli/main.ts');
const TOKEN = 'debug-trace-token-5150';

function calvin(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONSUL_HTTP_ADDR: STACK.consul,
    CONSUL_HTTP_TOKEN: TOKEN,
    NO_COLOR: '1',
  };
  for (const key of ['INFLUX_URL', 'ELASTICSEARCH_URL', 'CALVIN_DEBUG']) delete env[key];
  const r = spawnSync(process.execPath, ['--import', tsxLoader, main, ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('calvin --debug diagnose', () => {
  it('prints every backend request, redacted; without --debug none', () => {
    const debug = calvin(['--debug', 'diagnose', 'consul', '--json']);
    const lines = debug.stderr.split('\n').filter((l) => l.startsWith('calvin: debug: '));
    expect(
      lines.some((l) => /^calvin: debug: Consul GET http:\/\/127\.0\.0\.1:18500\/v1\/health\/service\/consul/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /^calvin: debug: InfluxDB POST http:\/\/127\.0\.0\.1:18086\/query "SELECT /.test(l))).toBe(
      true,
    );
    expect(lines.some((l) => /^calvin: debug: Elasticsearch POST /.test(l))).toBe(true);
    expect(`${debug.stdout}${debug.stderr}`).not.toContain(TOKEN);
    expect(() => JSON.parse(debug.stdout)).not.toThrow();
    expect(calvin(['diagnose', 'consul', '--json']).stderr).not.toContain('calvin: debug:');
  });

  it('diagnose consul: sources.influx is not "ok" when its queries failed', () => {
    const run = calvin(['diagnose', 'consul', '--json']);
    const diagnosis = JSON.parse(run.stdout) as { sources: { influx: string } };
    // The shipped consul definition reads the statsd database, which the local stack does not have.
    if (/database not found/.test(run.stderr)) expect(diagnosis.sources.influx).toBe('error');
    else expect(diagnosis.sources.influx).toBe('ok');
  });
});
