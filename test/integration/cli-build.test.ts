/**
 * The CLI end to end on fixture roots (no backends needed): build writes atomically and
 * deterministically; every kind of bad definition gives one line, exit 2, no stack, and leaves the
 * previous output folder exactly as it was.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERT_TS,
  DASHBOARD_TS,
  INDEX_TEMPLATE_TS,
  SERVICE_TS,
  tempRoot,
  type TempRoot,
} from '../unit/load/fixture-roots.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const tsxLoader = path.join(repoRoot, 'node_modules/tsx/dist/esm/index.mjs');
const main = path.join(repoRoot, 'src/cli/main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
function spawnAsync(command: string, args: string[], options: SpawnOptions & { timeout?: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function calvin(args: string[], cwd: string): Promise<Run> {
  return spawnAsync(process.execPath, ['--import', tsxLoader, main, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
}

/** path → sha256 of every file under dir (including the marker). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

function writeProject(p: TempRoot): void {
  p.write('services/artefacts.ts', SERVICE_TS('artefacts'));
  p.write('dashboards/artefacts.ts', DASHBOARD_TS('artefacts-overview', 'artefacts'));
  p.write('alerts/disk.ts', ALERT_TS('artefacts-disk-full', 'artefacts', { file: 'alerts/runbooks/disk.md' }));
  p.write('alerts/runbooks/disk.md', '# Disk full\n\nClean up /srv.\n');
  p.write('index-templates/logs.ts', INDEX_TEMPLATE_TS('logs-calvin-cli-build', ['*']));
}

describe('calvin build, list, runbook, new, import on fixture roots', () => {
  let work: TempRoot;
  let out: string;
  let previous: Record<string, string>;

  beforeAll(() => {
    work = tempRoot();
    writeProject(work);
    out = path.join(work.root, 'out');
  });
  afterAll(() => work.remove());

  it('builds every target, with a JSON listing on stdout and a summary on stderr', async () => {
    const run = await calvin(['--root', work.root, 'build', '--out', out, '--json'], work.root);
    expect(run.stderr).toMatch(
      /^Built \d+ artifacts into .*: grafana \d+, chronograf \d+, kapacitor \d+, logstash \d+, elasticsearch \d+\n$/,
    );
    expect(run.status).toBe(0);
    const listing = JSON.parse(run.stdout) as { artifacts: { path: string; target: string; sha256: string }[] };
    expect(new Set(listing.artifacts.map((a) => a.target))).toEqual(
      new Set(['grafana', 'chronograf', 'kapacitor', 'elasticsearch', 'logstash']),
    );
    previous = snapshot(out);
    for (const artifact of listing.artifacts) expect(previous[artifact.path]).toBe(artifact.sha256);
    expect(previous['.calvin-build']).toBeDefined();
  });

  it('gives identical bytes on a second run and leaves nothing beside the output', async () => {
    expect((await calvin(['--root', work.root, 'build', '--out', out], work.root)).status).toBe(0);
    expect(snapshot(out)).toEqual(previous);
    expect(readdirSync(work.root).filter((n) => n.startsWith('.out'))).toEqual([]);
  });

  it('builds one target only', async () => {
    const only = path.join(work.root, 'only-grafana');
    const run = await calvin(['--root', work.root, 'build', '--target', 'grafana', '--out', only, '--json'], work.root);
    expect(run.status).toBe(0);
    const listing = JSON.parse(run.stdout) as { artifacts: { target: string }[] };
    expect(new Set(listing.artifacts.map((a) => a.target))).toEqual(new Set(['grafana']));
  });

  const badProjects: [string, (p: TempRoot) => void, RegExp][] = [
    [
      'a file that throws',
      (p) => p.write('dashboards/broken.ts', 'throw new Error("metrics catalog unreachable");\nexport default {};\n'),
      /^calvin: dashboards\/broken\.ts: failed to load: metrics catalog unreachable \(/,
    ],
    [
      'an empty export',
      (p) => p.write('alerts/empty.ts', 'export default [];\n'),
      /^calvin: alerts\/empty\.ts: exports an empty array \(/,
    ],
    [
      'no export at all',
      (p) => p.write('alerts/nothing.ts', 'export const x = 1;\n'),
      /^calvin: alerts\/nothing\.ts: exports nothing \(/,
    ],
    [
      'an empty module',
      (p) => p.write('alerts/nothing.ts', '// to do\n'),
      /^calvin: alerts\/nothing\.ts: exports nothing \(/,
    ],
    [
      'a syntax error',
      (p) => p.write('alerts/syntax.ts', 'export default {\n  id: "x" "y"\n};\n'),
      /^calvin: alerts\/syntax\.ts:2:11: Expected "}" but found "\\"y\\"" \(/,
    ],
    [
      'an alert whose TICKscript would not parse',
      (p) =>
        p.write(
          'alerts/disk.ts',
          ALERT_TS('artefacts-disk-full', 'artefacts', { file: 'alerts/runbooks/disk.md' }).replace(
            'where: []',
            String.raw`where: [{ key: 'path', op: '=~', value: { kind: 'regex', pattern: 'C:\\\\' } }]`,
          ),
        ),
      /^calvin: alert artefacts-disk-full: rendered TICKscript is invalid at \d+:\d+: unterminated regex \(/,
    ],
    [
      'duplicate ids',
      (p) => p.write('dashboards/copy.ts', DASHBOARD_TS('artefacts-overview', 'artefacts')),
      /^calvin: dashboards\/copy\.ts: duplicate id "artefacts-overview" \(dashboard and dashboard, in dashboards\/artefacts\.ts and dashboards\/copy\.ts\)/,
    ],
    [
      'a dangling reference',
      (p) => p.write('alerts/queue.ts', ALERT_TS('queue-memory-high', 'queue')),
      /^calvin: alerts\/queue\.ts: alert "queue-memory-high" refers to unknown service "queue" \(/,
    ],
  ];

  it.each(badProjects)(
    'rejects %s in one line, exit 2, and leaves the previous output untouched',
    async (_label, breakIt, line) => {
      const bad = tempRoot();
      try {
        writeProject(bad);
        breakIt(bad);
        const run = await calvin(['--root', bad.root, 'build', '--out', out], work.root);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.split('\n')).toHaveLength(2);
        expect(run.stderr).toMatch(line);
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(snapshot(out)).toEqual(previous);
        expect(readdirSync(work.root).filter((n) => n.startsWith('.out'))).toEqual([]);
        const debug = await calvin(['--debug', '--root', bad.root, 'build', '--out', out], work.root);
        expect(debug.status).toBe(2);
        expect(debug.stderr).toMatch(/\n\s+at /);
      } finally {
        bad.remove();
      }
    },
  );

  it('--only matching nothing exits 2 in one line and writes nothing', async () => {
    const run = await calvin(['--root', work.root, 'build', '--out', out, '--only', 'nexsus*'], work.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^calvin: --only "nexsus\*" matches no definition \(.*\)\n$/);
    expect(snapshot(out)).toEqual(previous);
  });

  it('refuses to replace a folder that calvin did not write', async () => {
    const run = await calvin(['--root', work.root, 'build', '--out', path.join(work.root, 'alerts')], work.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^calvin: --out .* is inside the definitions folder alerts\//);
    expect(existsSync(path.join(work.root, 'alerts/disk.ts'))).toBe(true);
    const foreign = await calvin(['--root', work.root, 'build', '--out', path.join(work.root, 'services')], work.root);
    expect(foreign.status).toBe(2);
    expect((await calvin(['--root', work.root, 'build', '--target', 'prometheus'], work.root)).stderr).toMatch(
      /^calvin: unknown --target "prometheus"/,
    );
  });

  it('lists definitions as an aligned table and as JSON', async () => {
    const table = await calvin(['--root', work.root, 'list'], work.root);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+FILE\s+TITLE$/);
    expect(table.stdout).toMatch(/artefacts-disk-full\s+alert\s+alerts\/disk\.ts/);
    const json = JSON.parse(
      (await calvin(['--root', work.root, 'list', '--kind', 'alert', '--json'], work.root)).stdout,
    ) as {
      id: string;
    }[];
    expect(json.map((r) => r.id)).toEqual(['artefacts-disk-full']);
  });

  it('prints a runbook with the diagnose command, and suggests ids for an unknown alert', async () => {
    const run = await calvin(
      ['--root', work.root, 'runbook', 'artefacts-disk-full', '--env', 'calvinverse-01'],
      work.root,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# Disk full\n\nClean up \/srv\.\n/);
    expect(run.stdout).toMatch(/calvin diagnose artefacts --env calvinverse-01 --since 1h\n$/);
    const unknown = await calvin(['--root', work.root, 'runbook', 'artefacts-disk'], work.root);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^calvin: unknown alert "artefacts-disk" \(did you mean artefacts-disk-full\?/);
  });

  it('scaffolds definitions that load, refuses overwrites and hostile names', async () => {
    const fresh = tempRoot();
    try {
      expect((await calvin(['--root', fresh.root, 'new', 'service', 'queue'], fresh.root)).status).toBe(0);
      expect((await calvin(['--root', fresh.root, 'new', 'alert', 'queue-memory-high'], fresh.root)).status).toBe(0);
      expect((await calvin(['--root', fresh.root, 'list', '--json'], fresh.root)).status).toBe(0);
      const again = await calvin(['--root', fresh.root, 'new', 'service', 'queue'], fresh.root);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/^calvin: id "queue" is already used by the service in services\/queue\.ts/);
      const hostile = await calvin(['--root', fresh.root, 'new', 'dashboard', '../../etc/x\u001b[31m'], fresh.root);
      expect(hostile.status).toBe(2);
      expect(hostile.stderr.split('\n')).toHaveLength(2);
      expect(hostile.stderr).not.toContain('\u001b');
    } finally {
      fresh.remove();
    }
  });

  it('imports a Grafana dashboard into a definition that builds', async () => {
    const fresh = tempRoot();
    try {
      fresh.write('services/artefacts.ts', SERVICE_TS('artefacts'));
      fresh.write(
        'nexus.json',
        JSON.stringify({
          title: 'Nexus JVM',
          panels: [
            {
              type: 'graph',
              title: 'Heap',
              datasource: 'InfluxDb.Services',
              gridPos: { x: 0, y: 0, w: 12, h: 8 },
              targets: [
                {
                  measurement: 'jvm_memory',
                  select: [
                    [
                      { type: 'field', params: ['HeapMemoryUsage.used'] },
                      { type: 'mean', params: [] },
                    ],
                  ],
                  groupBy: [
                    { type: 'time', params: ['$__interval'] },
                    { type: 'tag', params: ['host'] },
                    { type: 'fill', params: ['null'] },
                  ],
                },
              ],
            },
          ],
        }),
      );
      const run = await calvin(
        ['--root', fresh.root, 'import', 'grafana', path.join(fresh.root, 'nexus.json')],
        fresh.root,
      );
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/1 panels, 1 typed and 0 raw queries/);
      expect(existsSync(path.join(fresh.root, 'dashboards/imported/nexus-jvm.ts'))).toBe(true);
      const build = await calvin(
        ['--root', fresh.root, 'build', '--target', 'grafana', '--out', path.join(fresh.root, 'out'), '--json'],
        fresh.root,
      );
      expect(build.status).toBe(0);
      const notJson = await calvin(
        ['--root', fresh.root, 'import', 'grafana', path.join(fresh.root, 'services/artefacts.ts')],
        fresh.root,
      );
      expect(notJson.status).toBe(2);
      expect(notJson.stderr).toMatch(/^calvin: .*artefacts\.ts: not JSON/);
    } finally {
      fresh.remove();
    }
  });

  it('runs every help example of build, list, new, runbook and import in a copy of the shipped project', async () => {
    const home = tempRoot();
    try {
      const copy = path.join(home.root, 'my-infra');
      for (const folder of ['services', 'dashboards', 'alerts', 'log-filters', 'index-templates', 'runbooks'])
        cpSync(path.join(repoRoot, folder), path.join(copy, folder), { recursive: true });
      // The files the import examples name.
      const grafana = (title: string): string =>
        JSON.stringify({
          title,
          panels: [
            {
              type: 'graph',
              title: 'Heap',
              datasource: 'InfluxDb.Services',
              gridPos: { x: 0, y: 0, w: 12, h: 8 },
              targets: [
                {
                  measurement: 'jvm_memory',
                  select: [
                    [
                      { type: 'field', params: ['HeapMemoryUsage.used'] },
                      { type: 'mean', params: [] },
                    ],
                  ],
                },
              ],
            },
          ],
        });
      writeFileSync(path.join(copy, 'dashboards/nexus.json'), grafana('Nexus JVM'));
      mkdirSync(path.join(copy, 'exported'));
      writeFileSync(path.join(copy, 'exported/a.json'), grafana('Legacy A'));
      writeFileSync(path.join(copy, 'exported/b.json'), grafana('Legacy B'));
      writeFileSync(path.join(copy, 'queue.json'), grafana('Queue'));
      const examples: string[] = [];
      for (const command of ['build', 'list', 'new', 'runbook', 'import grafana']) {
        const help = await calvin([...command.split(' '), '--help'], copy);
        expect(help.status).toBe(0);
        // `  $ calvin ...` lines; what follows two spaces or more is a comment.
        for (const line of help.stdout.split('\n'))
          if (line.startsWith('  $ calvin ')) examples.push(line.slice(4).split(/\s{2,}/)[0] as string);
      }
      expect(examples.length).toBeGreaterThanOrEqual(15);
      const shell = `calvin() { "${process.execPath}" --import "${tsxLoader}" "${main}" "$@"; }\nset -o pipefail\n`;
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home.root, NO_COLOR: '1' };
      delete env.CALVIN_ROOT;
      for (const example of [
        ...examples,
        'calvin test alerts/widget-disk-full.ts log-filters/widget-log.ts',
        'calvin build --out out/',
      ]) {
        const run = await spawnAsync('bash', ['-c', shell + example], { cwd: copy, env, timeout: 120_000 });
        expect({ example, status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
          example,
          status: 0,
          stderr: '',
        });
      }
      // `new` refuses an id the project already uses, in one line.
      const clash = await calvin(['new', 'service', 'queue'], copy);
      expect(clash.status).toBe(2);
      expect(clash.stderr).toMatch(
        /^calvin: id "queue" is already used by the service in services\/queue\.ts \(.*\)\n$/,
      );
      // --only matches services too: the artefacts log filter comes with 'artefacts*'.
      const only = JSON.parse((await calvin(['list', '--only', 'artefacts*', '--json'], copy)).stdout) as {
        id: string;
      }[];
      expect(only.map((r) => r.id)).toEqual(
        expect.arrayContaining(['artefacts', 'artefacts-overview', 'artefacts-disk-full', 'syslog-nexus']),
      );
    } finally {
      home.remove();
    }
  });
});
