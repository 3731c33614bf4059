/** `calvin lint` as users run it: exit codes, formats, --output, --max-warnings. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Run from source: the loader is given by path because the tests run in a temporary folder.
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/esm/index.mjs');
let dir = '';

function calvin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', tsxLoader, path.join(repoRoot, 'src/cli/main.ts'), ...args],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: 'true' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

const dashboard = (uid: string | undefined, query: string) =>
  JSON.stringify(
    {
      ...(uid ? { uid } : {}),
      title: 'T',
      schemaVersion: 16,
      panels: [
        {
          id: 1,
          type: 'graph',
          title: 'CPU',
          datasource: 'InfluxDb.System',
          targets: [{ refId: 'A', rawQuery: true, query }],
        },
      ],
    },
    null,
    2,
  );

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'calvin-lint-cli-'));
  await writeFile(
    path.join(dir, 'clean.json'),
    dashboard('clean', 'SELECT mean("usage_idle") FROM "cpu" WHERE $timeFilter GROUP BY time($__interval) fill(null)'),
  );
  await writeFile(
    path.join(dir, 'warn.json'),
    dashboard(
      undefined,
      'SELECT mean("usage_idle") FROM "cpu" WHERE $timeFilter GROUP BY time($__interval) fill(null)',
    ),
  );
  await writeFile(
    path.join(dir, 'broken.conf'),
    'filter {\n  if [program] == "consul" {\n    grok { add_tag => ["consul"] }\n  }\n}\n',
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('calvin lint (CLI)', () => {
  it('hides a secret quoted in a finding and keeps the JSON and SARIF valid', async () => {
    // Removed afterwards: the other cases lint the whole folder.
    const file = path.join(dir, 'secret.json');
    await writeFile(file, dashboard('secret', 'SELECT "x" FORM "cpu" WHERE password="hunter2"'));
    try {
      for (const format of ['json', 'sarif']) {
        const r = await calvin(['lint', 'secret.json', '--format', format]);
        expect(r.code).toBe(1);
        expect(r.stdout).not.toContain('hunter2');
        expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
        expect(r.stdout).toContain('password=');
      }
    } finally {
      await rm(file, { force: true });
    }
  });

  it('exits 0 on a clean file and says so', async () => {
    const r = await calvin(['lint', 'clean.json']);
    expect(r).toMatchObject({ code: 0, stdout: '✔ No problems found.\n' });
  });

  it('exits 0 with warnings only, 1 when --max-warnings is exceeded', async () => {
    expect((await calvin(['lint', 'warn.json'])).code).toBe(0);
    const r = await calvin(['lint', 'warn.json', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('grafana-missing-uid');
  });

  it('exits 1 on errors and prints them as GitHub annotations', async () => {
    const r = await calvin(['lint', 'broken.conf', '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '::error file=broken.conf,line=3,col=5,title=logstash-grok-without-match::grok has no match, so its add_tag never apply (and _grokparsefailure is added to every event).\n',
    );
  });

  it('writes SARIF to --output and nothing to stdout', async () => {
    const r = await calvin(['lint', '.', '--format', 'sarif', '--output', 'out/calvin.sarif']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(await readFile(path.join(dir, 'out/calvin.sarif'), 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual([
      'grafana-missing-uid',
      'logstash-grok-without-match',
    ]);
  });

  it('exits 2 with one line on bad input', async () => {
    const missing = await calvin(['lint', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nope.json does not exist');
    const format = await calvin(['lint', 'clean.json', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown --format "xml"');
  });
});
